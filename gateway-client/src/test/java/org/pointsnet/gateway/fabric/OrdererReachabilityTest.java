package org.pointsnet.gateway.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrdererReachabilityTest {

    @Test
    void aMajorityOfListeningOrderersIsAQuorum() throws Exception {
        try (ServerSocket one = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket two = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            final String closed = "127.0.0.1:" + freePort();
            final var result = OrdererReachability.check(List.of("127.0.0.1:" + one.getLocalPort(),
                "127.0.0.1:" + two.getLocalPort(), closed));

            assertEquals(2, result.reachable().size());
            assertEquals(List.of(closed), result.unreachable());
            assertTrue(result.quorum());
        }
    }

    @Test
    void oneOfThreeIsNoQuorumAndNoneListedIsNone() throws Exception {
        try (ServerSocket one = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertFalse(OrdererReachability.check(List.of("127.0.0.1:" + one.getLocalPort(),
                "127.0.0.1:" + freePort(), "not a host:port")).quorum());
        }
        assertFalse(OrdererReachability.check(List.of()).quorum());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
