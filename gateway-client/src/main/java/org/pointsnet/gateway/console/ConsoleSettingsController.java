package org.pointsnet.gateway.console;

import org.pointsnet.contract.Limits;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.security.ConsoleOperator;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /console/settings.json}: what the console's scripts need before signing in (which platform this gateway
 * serves, its OAuth clients, the largest amount the API takes). Public facts only: no data, no token needed.
 */
@RestController
public class ConsoleSettingsController {

    private final Settings settings;

    public ConsoleSettingsController(final GatewaySettings gateway) {
        final String platform = gateway.platformId();
        this.settings = new Settings(platform, ConsoleOperator.operatorClientId(platform),
            ConsoleOperator.personClientId(platform), ConsoleOperator.LOGIN, Long.toString(Limits.MAX_AMOUNT));
    }

    @GetMapping(path = "/console/settings.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public Settings settings() {
        return settings;
    }

    /** The console's settings; {@code maxAmount} is contract {@code Limits.MAX_AMOUNT}, as a string (beyond 2^53). */
    public record Settings(String platformId, String operatorClientId, String personClientId, String operatorLogin,
                           String maxAmount) {
    }
}
