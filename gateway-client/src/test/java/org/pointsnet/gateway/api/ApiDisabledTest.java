package org.pointsnet.gateway.api;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.ledger.LedgerClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Without pointsnet.api.enabled the unauthenticated ledger API does not exist and nothing reaches the ledger. */
@WebMvcTest(controllers = {PointsController.class, AdminController.class})
class ApiDisabledTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LedgerClient ledger;

    @Test
    void ledgerApiIsAbsentByDefault() throws Exception {
        mvc.perform(get("/api/v1/platforms"))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(post("/api/v1/issuances").header("Idempotency-Key", "k").contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"u\",\"amount\":1,\"reason\":\"r\"}"))
            .andExpect(status().isNotFound());
        verifyNoInteractions(ledger);
    }
}
