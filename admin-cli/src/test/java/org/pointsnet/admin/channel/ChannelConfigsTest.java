package org.pointsnet.admin.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a submit's outcome becomes the exception kind that decides the exit code: a verdict of the orderer is REFUSED
 * (exit 3) and quotes its reason; no orderer able to serve is UNAVAILABLE (exit 4); an orderer that cannot serve the
 * channel is skipped for the next. A stand-in {@code peer} script answers as Fabric's peer CLI does.
 */
class ChannelConfigsTest {

    private static final List<String> ORDERERS = List.of("127.0.0.1:7050", "127.0.0.1:7060", "127.0.0.1:7070");

    /** A {@code peer} that logs each orderer it is sent to and answers per orderer port with {@code answers}. */
    private static ChannelConfigs channel(Path dir, String answers) throws IOException {
        Path peer = dir.resolve("peer");
        Files.writeString(peer, """
            #!/usr/bin/env bash
            while [ $# -gt 0 ]; do [ "$1" = -o ] && orderer="$2"; shift; done
            echo "$orderer" >> "%s"
            case "$orderer" in
            %s
            esac
            """.formatted(dir.resolve("calls"), answers), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(peer, PosixFilePermissions.fromString("rwx------"));
        return new ChannelConfigs(new FabricTools(dir), "points");
    }

    private static AdminIdentity orderer() {
        return new AdminIdentity("orderer", "OrdererMSP", Map.of(), ORDERERS, "/tls-ca.pem");
    }

    private static List<String> calls(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("calls"));
    }

    @Test
    void theOrderersVerdictIsARefusalWithItsReason(@TempDir Path dir) throws IOException {
        ChannelConfigs configs = channel(dir, """
              *) echo "Error: got unexpected status: FORBIDDEN -- config update for existing channel did not pass \
            initial checks: implicit policy evaluation failed - 0 sub-policies were satisfied" >&2; exit 1 ;;
            """);
        ChannelConfigException refused = assertThrows(ChannelConfigException.class,
            () -> configs.submit(orderer(), dir.resolve("update.pb")));
        assertEquals(ChannelConfigException.Kind.REFUSED, refused.kind());
        assertTrue(refused.getMessage().startsWith("the orderer refused the update: ")
            && refused.getMessage().contains("implicit policy evaluation failed"), refused.getMessage());
        assertEquals(List.of("127.0.0.1:7050"), calls(dir), "a verdict is final: no second orderer is asked");
    }

    @Test
    void noOrdererThatCanServeIsUnavailable(@TempDir Path dir) throws IOException {
        ChannelConfigs configs = channel(dir, """
              *:7050) echo "Error: failed to create new connection: connection refused" >&2; exit 1 ;;
              *) echo "Error: got unexpected status: SERVICE_UNAVAILABLE -- no Raft leader" >&2; exit 1 ;;
            """);
        ChannelConfigException unavailable = assertThrows(ChannelConfigException.class,
            () -> configs.submit(orderer(), dir.resolve("update.pb")));
        assertEquals(ChannelConfigException.Kind.UNAVAILABLE, unavailable.kind());
        assertTrue(unavailable.getMessage().contains("no orderer could serve 'points' now (3 tried)")
            && unavailable.getMessage().contains("no Raft leader"), unavailable.getMessage());
        assertEquals(ORDERERS, calls(dir));
    }

    @Test
    void anOrdererThatLeftTheChannelIsSkipped(@TempDir Path dir) throws IOException {
        ChannelConfigs configs = channel(dir, """
              *:7050) echo "Error: got unexpected status: NOT_FOUND -- channel does not exist" >&2; exit 1 ;;
              *) exit 0 ;;
            """);
        configs.submit(orderer(), dir.resolve("update.pb"));
        assertEquals(List.of("127.0.0.1:7050", "127.0.0.1:7060"), calls(dir));
    }
}
