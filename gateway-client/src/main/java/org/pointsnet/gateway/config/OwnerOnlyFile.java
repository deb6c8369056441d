package org.pointsnet.gateway.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Creates the gateway's secret files (keys): owner-only (0600) in a folder created owner-only (0700). */
public final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    /**
     * Writes {@code content} (ASCII) to {@code file} unless it exists. A private temp file is moved into place, so the
     * file is never readable by others nor half-written; of two concurrent creators the second keeps the first's
     * content, and both then read the same file.
     */
    public static void createIfAbsent(final Path file, final String content) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        final Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                "rwx------")));
        }
        final Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, content, StandardCharsets.US_ASCII);
            Files.move(tmp, file);
        } catch (FileAlreadyExistsException e) {
            // another process created it first
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
