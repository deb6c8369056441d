package org.pointsnet.gateway.health;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.fabric.DiscoveryView;
import org.pointsnet.gateway.fabric.LedgerHealth;
import org.pointsnet.gateway.fabric.PlatformAvailability;
import org.pointsnet.gateway.fabric.Readiness;
import org.pointsnet.gateway.projection.ListenerProgress;
import org.pointsnet.gateway.projection.ProjectionStore;
import org.pointsnet.gateway.projection.Reconciliation;
import org.pointsnet.gateway.security.ResourceServerConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(HealthController.class)
@Import(ResourceServerConfiguration.class)
class HealthControllerTest {

    @Autowired
    MockMvc mvc;

    /** The token-free endpoints must answer without one; the decoder is never asked. */
    @MockitoBean
    JwtDecoder jwtDecoder;

    @MockitoBean
    LedgerHealth ledger;

    @MockitoBean
    ListenerProgress listener;

    @MockitoBean
    PlatformAvailability platforms;

    @MockitoBean
    ProjectionStore store;

    @MockitoBean
    Reconciliation reconciliation;

    private void healthy(final List<String> orderers) {
        when(ledger.check()).thenReturn(Readiness.up());
        when(listener.lagBlocks()).thenReturn(OptionalLong.of(3));
        when(listener.maxLagBlocks()).thenReturn(20L);
        when(store.nextBlock()).thenReturn(42L);
        final DiscoveryView view = new DiscoveryView(Map.of("PlatformAMSP", List.of("a:7051")), orderers);
        when(platforms.view()).thenReturn(Optional.of(view));
        when(platforms.platformsWithoutPeers(view)).thenReturn(List.of());
    }

    @Test
    void liveIsAlwaysUp() throws Exception {
        mvc.perform(get("/health/live")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void readyWhenEveryDependencyIsUpWithTheLastReconciliation() throws Exception {
        try (ServerSocket orderer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            healthy(List.of("127.0.0.1:" + orderer.getLocalPort()));
            when(reconciliation.last()).thenReturn(Optional.of(
                new Reconciliation.LastRun(41, true, 0, Instant.parse("2026-11-30T10:00:00Z"))));

            mvc.perform(get("/health/ready"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.reason").doesNotExist())
                .andExpect(jsonPath("$.checks.peer.status").value("UP"))
                .andExpect(jsonPath("$.checks.orderers.status").value("UP"))
                .andExpect(jsonPath("$.checks.orderers.detail").value("1 of 1 reachable"))
                .andExpect(jsonPath("$.checks.database.status").value("UP"))
                .andExpect(jsonPath("$.checks.listener.detail").value("3 blocks behind the peer"))
                .andExpect(jsonPath("$.checks.platforms.status").value("UP"))
                .andExpect(jsonPath("$.reconciliation.asOfBlock").value(41))
                .andExpect(jsonPath("$.reconciliation.balanced").value(true))
                .andExpect(jsonPath("$.reconciliation.difference").value(0))
                .andExpect(jsonPath("$.reconciliation.at").value("2026-11-30T10:00:00Z"));
        }
    }

    @Test
    void aPeerThatIsDownIsNamedAndWhatDependsOnItIsUnknown() throws Exception {
        when(ledger.check()).thenReturn(Readiness.down("chaincode not answering"));
        when(store.nextBlock()).thenReturn(42L);

        mvc.perform(get("/health/ready"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(jsonPath("$.status").value("DOWN"))
            .andExpect(jsonPath("$.reason").value("peer: chaincode not answering"))
            .andExpect(jsonPath("$.checks.peer.status").value("DOWN"))
            .andExpect(jsonPath("$.checks.orderers.status").value("UNKNOWN"))
            .andExpect(jsonPath("$.checks.listener.status").value("UNKNOWN"))
            .andExpect(jsonPath("$.reconciliation").doesNotExist());
    }

    @Test
    void ordererMajorityUnreachableIsNotReady() throws Exception {
        try (ServerSocket orderer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            final int closed;
            try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closed = gone.getLocalPort();
            }
            healthy(List.of("127.0.0.1:" + orderer.getLocalPort(), "127.0.0.1:" + closed,
                "127.0.0.1:" + closed));

            mvc.perform(get("/health/ready"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.checks.orderers.status").value("DOWN"))
                .andExpect(jsonPath("$.reason").value("orderers: 1 of 3 reachable, unreachable: 127.0.0.1:" + closed
                    + ", 127.0.0.1:" + closed + " (no Raft majority)"));
        }
    }

    @Test
    void anotherPlatformWithoutPeersIsShownButDoesNotMakeThisGatewayUnready() throws Exception {
        healthy(List.of());
        final DiscoveryView view = new DiscoveryView(Map.of("PlatformAMSP", List.of("a:7051")), List.of());
        try (ServerSocket orderer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            final DiscoveryView withOrderer = new DiscoveryView(view.peersByMsp(),
                List.of("127.0.0.1:" + orderer.getLocalPort()));
            when(platforms.view()).thenReturn(Optional.of(withOrderer));
            when(platforms.platformsWithoutPeers(withOrderer)).thenReturn(List.of("platform-b"));

            mvc.perform(get("/health/ready"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checks.platforms.status").value("DEGRADED"))
                .andExpect(jsonPath("$.checks.platforms.detail").value("no live peer on the channel: platform-b "
                    + "(transactions needing their endorsement answer 503 PLATFORM_UNAVAILABLE)"));
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsNamed() throws Exception {
        try (ServerSocket orderer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            healthy(List.of("127.0.0.1:" + orderer.getLocalPort()));
            when(store.nextBlock()).thenThrow(new DataAccessResourceFailureException("connection refused"));

            mvc.perform(get("/health/ready"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.reason").value("database: projection database not answering"))
                .andExpect(jsonPath("$.checks.listener.status").value("UNKNOWN"));
        }
    }

    @Test
    void aListenerTooFarBehindOrLostIsNotReady() throws Exception {
        try (ServerSocket orderer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            healthy(List.of("127.0.0.1:" + orderer.getLocalPort()));
            when(listener.lagBlocks()).thenReturn(OptionalLong.of(21));

            mvc.perform(get("/health/ready"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.reason").value("listener: event listener 21 blocks behind the peer (more than "
                    + "20)"));

            when(listener.lagBlocks()).thenReturn(OptionalLong.empty());
            mvc.perform(get("/health/ready"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.reason").value("listener: event listener position unknown"));
        }
    }

    @Test
    void anUnreadableChannelConfigurationLeavesTheOrderersUnknownNotDown() throws Exception {
        healthy(List.of());

        mvc.perform(get("/health/ready"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.checks.orderers.status").value("UNKNOWN"));
    }
}
