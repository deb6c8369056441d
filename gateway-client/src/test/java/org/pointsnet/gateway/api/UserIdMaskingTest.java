package org.pointsnet.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class UserIdMaskingTest {

    private static final String OWN = "platform-a.Own" + "0".repeat(40);
    private static final String OTHER = "platform-a.Other" + "0".repeat(38);
    private static final String ELSEWHERE = "platform-b.Far" + "0".repeat(40);

    @Test
    void aUsersHistoryShowsOnlyTheirOwnIdInFull() {
        final JsonNode history = JsonMapper.shared().readTree("{\"receipts\":[{\"requestId\":\"r1\",\"postings\":["
            + "{\"platformId\":\"platform-a\",\"userId\":\"" + OWN + "\",\"delta\":-5},"
            + "{\"platformId\":\"platform-a\",\"userId\":\"" + OTHER + "\",\"delta\":5}],"
            + "\"detail\":{\"toUserId\":\"" + ELSEWHERE + "\"}}]}");

        final String masked = UserIdMasking.maskOthers(history, OWN::equals).toString();

        assertThat(masked).contains(OWN).doesNotContain(OTHER).doesNotContain(ELSEWHERE)
            .contains("platform-a.Other0").contains("\"requestId\":\"r1\"").contains("\"delta\":5");
    }

    @Test
    void aBackEndSeesItsOwnPlatformsUsersAndOthersMasked() {
        final JsonNode history = JsonMapper.shared().readTree("{\"postings\":[{\"userId\":\"" + OTHER + "\"},"
            + "{\"userId\":\"" + ELSEWHERE + "\"}]}");

        final String masked = UserIdMasking.maskOthers(history, id -> id.startsWith("platform-a.")).toString();

        assertThat(masked).contains(OTHER).doesNotContain(ELSEWHERE);
    }
}
