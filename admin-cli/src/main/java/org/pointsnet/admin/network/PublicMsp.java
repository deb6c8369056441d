package org.pointsnet.admin.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Copies the public part of an org MSP: what other orgs may see. Keystores never leave the org. */
final class PublicMsp {

    /** Folders of an org MSP that hold only certificates. */
    private static final List<String> FOLDERS = List.of("cacerts", "tlscacerts", "intermediatecerts",
        "tlsintermediatecerts", "admincerts");

    private PublicMsp() {
    }

    static void copy(Path orgMsp, Path target) throws IOException {
        Files.createDirectories(target);
        for (String folder : FOLDERS) {
            Path source = orgMsp.resolve(folder);
            if (!Files.isDirectory(source)) {
                continue;
            }
            Files.createDirectories(target.resolve(folder));
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, target.resolve(folder).resolve(file.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path nodeOus = orgMsp.resolve("config.yaml");
        if (Files.isRegularFile(nodeOus)) {
            Files.copy(nodeOus, target.resolve("config.yaml"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
