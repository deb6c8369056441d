package org.pointsnet.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

/**
 * The gateway's token signing key: EC P-256 (ES256), kept as a private JWK (RFC 7517) in an owner-only file that
 * is created at first start and reused afterwards, so tokens stay verifiable across restarts. The key id is the
 * JWK thumbprint (RFC 7638).
 */
public final class SigningKeyFile {

    private SigningKeyFile() {
    }

    /** Loads the key in {@code file}, creating it first when the file does not exist. */
    public static ECKey loadOrCreate(final Path file) {
        try {
            if (!Files.exists(file)) {
                create(file, generate());
            }
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException("token signing key " + file + " cannot be created: " + e.getMessage(), e);
        }
        return load(file);
    }

    /** Loads the key in {@code file}, which must exist. */
    public static ECKey load(final Path file) {
        try {
            final ECKey key = ECKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!key.isPrivate() || !Curve.P_256.equals(key.getCurve())) {
                throw new IllegalArgumentException("not a private EC P-256 JWK");
            }
            return key;
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new IllegalStateException("token signing key " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** A fresh key that lives only in memory: every restart invalidates the tokens signed before. */
    public static ECKey ephemeral() {
        try {
            return generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key", e);
        }
    }

    private static ECKey generate() throws JOSEException {
        final ECKey key = new ECKeyGenerator(Curve.P_256)
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.ES256)
            .generate();
        return new ECKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
    }

    private static void create(final Path file, final ECKey key) throws IOException {
        final Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Written to a private temp file and moved into place: never readable by others nor half-written; a
        // concurrent creator loses the race and both use the winner's key.
        final Path tmp = Files.createTempFile(dir, ".signing-key", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(tmp, file);
        } catch (FileAlreadyExistsException e) {
            // another process created it first
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
