package org.pointsnet.gateway.probe;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.pointsnet.gateway.security.ApiTokens;
import org.pointsnet.gateway.security.ResourceServerConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Without pointsnet.probe.enabled (the default) the probe endpoints do not exist: 401 without a token, 404 with. */
@WebMvcTest(controllers = ProbeController.class)
@Import({EventRing.class, ResourceServerConfiguration.class})
class ProbeDisabledTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @MockitoBean
    ValueLedger ledger;

    @Test
    void probeEndpointsAreAbsentByDefault() throws Exception {
        mvc.perform(get("/api/v1/probe/events"))
            .andExpect(status().isUnauthorized())
            .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        mvc.perform(get("/api/v1/probe/events").with(ApiTokens.backend("platform-a")))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }
}
