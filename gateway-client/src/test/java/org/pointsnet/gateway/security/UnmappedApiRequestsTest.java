package org.pointsnet.gateway.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests under /api/v1 that no scope rule covers: 401 without a token whatever the path; with one, 404 for a path no
 * controller serves and 405 for a method it does not serve, but 403 for an endpoint that exists without a rule.
 */
@WebMvcTest(controllers = UnmappedApiRequestsTest.Unruled.class)
// Imported: a controller nested in a test class is not picked up by scanning.
@Import({ResourceServerConfiguration.class, UnmappedApiRequestsTest.Unruled.class})
class UnmappedApiRequestsTest {

    /** An endpoint somebody added without a scope rule. */
    @RestController
    static class Unruled {
        @GetMapping("/api/v1/unruled")
        String unruled() {
            return "{}";
        }

        @GetMapping("/api/v1/issuances")
        String issuancesByGet() {
            return "{}";
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void withoutATokenEverythingIs401() throws Exception {
        mvc.perform(get("/api/v1/unruled")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/nothing-here")).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/v1/unruled")).andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownPathIs404() throws Exception {
        mvc.perform(get("/api/v1/nothing-here").with(ApiTokens.backend("platform-a")))
            .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void aWrongMethodIs405() throws Exception {
        mvc.perform(delete("/api/v1/unruled").with(ApiTokens.backend("platform-a")))
            .andExpect(status().isMethodNotAllowed()).andExpect(header().string("Allow", "GET"))
            .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
    }

    @Test
    void anEndpointWithoutARuleIsRefusedEvenToEveryScope() throws Exception {
        mvc.perform(get("/api/v1/unruled").with(ApiTokens.backend("platform-a")))
            .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
        // A rule for POST does not open a GET someone mapped on the same path.
        mvc.perform(get("/api/v1/issuances").with(ApiTokens.backend("platform-a")))
            .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/unruled").with(ApiTokens.backend("platform-a")))
            .andExpect(status().isMethodNotAllowed());
    }
}
