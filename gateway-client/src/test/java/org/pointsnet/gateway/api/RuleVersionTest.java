package org.pointsnet.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointsnet.contract.RulesUsed;
import tools.jackson.databind.json.JsonMapper;

/** The quote's ruleVersion is what a locked conversion's chaincode compares with: RulesUsed.version(). */
class RuleVersionTest {

    @Test
    void theGatewaysRuleVersionIsTheContractsForEveryShape() {
        final JsonMapper json = JsonMapper.shared();
        for (final RulesUsed rules : List.of(new RulesUsed("UNIT_VALUE", null, 1, 2, null, null, null,
            null), new RulesUsed("RULE", 3L, 1, 2, 1L, 2L, 4L, 5L), new RulesUsed("UNIT_VALUE", null, 7, 1, 3L, 1L, 2L,
            null))) {
            assertEquals(rules.version(), PointsController.ruleVersion(json.readTree(json.writeValueAsString(rules))));
        }
    }
}
