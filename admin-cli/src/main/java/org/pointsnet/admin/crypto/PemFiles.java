package org.pointsnet.admin.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * PEM files as Fabric reads them: certificates as "CERTIFICATE", private keys as PKCS#8
 * "PRIVATE KEY". Key files are created owner-only and their folders made owner-only.
 */
public final class PemFiles {

    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private static final String CERTIFICATE = "CERTIFICATE";
    private static final String PRIVATE_KEY = "PRIVATE KEY";

    private PemFiles() {
    }

    public static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
        byte[] der;
        try {
            der = certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encode certificate for " + file, e);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, encode(CERTIFICATE, der), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
    }

    /**
     * Writes a PKCS#8 key into a new file that is 0600 from the moment it exists (never
     * world-readable, even briefly) and makes its folder 0700. Refuses to overwrite.
     */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = isPosix(dir);
        if (posix) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
        } else {
            Files.createDirectories(dir);
        }
        FileAttribute<?>[] attributes = posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
            : new FileAttribute<?>[0];
        byte[] pem = encode(PRIVATE_KEY, key.getEncoded()).getBytes(StandardCharsets.US_ASCII);
        try (SeekableByteChannel channel = Files.newByteChannel(file,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(pem);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
        if (posix) {
            // The umask can only have removed bits; set the exact mode in case it removed ours.
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
    }

    public static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        byte[] der = decode(Files.readString(file, StandardCharsets.US_ASCII), CERTIFICATE, file);
        return (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(der));
    }

    /** Reads a PKCS#8 EC private key. */
    public static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        byte[] der = decode(Files.readString(file, StandardCharsets.US_ASCII), PRIVATE_KEY, file);
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] decode(String pem, String type, Path file) throws IOException {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int start = pem.indexOf(begin);
        int stop = pem.indexOf(end);
        if (start < 0 || stop < start) {
            throw new IOException(file + ": no PEM " + type + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), stop));
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
