package org.pointsnet.gateway.health;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import java.util.OptionalLong;
import org.pointsnet.gateway.fabric.LedgerHealth;
import org.pointsnet.gateway.fabric.Readiness;
import org.pointsnet.gateway.projection.ListenerProgress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.pointsnet.gateway.security.ResourceServerConfiguration;
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

    @Test
    void liveIsAlwaysUp() throws Exception {
        mvc.perform(get("/health/live")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void readyWhenTheLedgerAnswers() throws Exception {
        when(ledger.check()).thenReturn(Readiness.up());
        when(listener.lagBlocks()).thenReturn(OptionalLong.of(3));
        when(listener.maxLagBlocks()).thenReturn(20L);

        mvc.perform(get("/health/ready"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("UP"))
            .andExpect(jsonPath("$.reason").doesNotExist());
    }

    @Test
    void notReadyIs503WithAReason() throws Exception {
        when(ledger.check()).thenReturn(Readiness.down("chaincode not answering"));

        mvc.perform(get("/health/ready"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(jsonPath("$.status").value("DOWN"))
            .andExpect(jsonPath("$.reason").value("chaincode not answering"));
    }

    @Test
    void aListenerTooFarBehindOrLostIsNotReady() throws Exception {
        when(ledger.check()).thenReturn(Readiness.up());
        when(listener.maxLagBlocks()).thenReturn(20L);
        when(listener.lagBlocks()).thenReturn(OptionalLong.of(21));

        mvc.perform(get("/health/ready"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(jsonPath("$.reason").value("event listener 21 blocks behind the peer"));

        when(listener.lagBlocks()).thenReturn(OptionalLong.empty());
        mvc.perform(get("/health/ready"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(jsonPath("$.reason").value("event listener position unknown"));
    }
}
