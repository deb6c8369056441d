package org.pointsnet.chaincode.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;
import org.pointsnet.contract.ErrorCode;

/** No full user id leaves the chaincode in a log line or a refusal message. */
class MaskedLogsTest {

    private static final String ALICE = "platform-a.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

    @Test
    void aLoggedInvocationShowsOnlyTheMaskedId() {
        final MaskedLogs.Masking formatter = new MaskedLogs.Masking(new SimpleFormatter());
        final String line = formatter.format(new LogRecord(Level.INFO,
            "Got the invoke request for:account:Issue [{\"userId\":\"" + ALICE + "\",\"amount\":5}]"));
        assertFalse(line.contains(ALICE), line);
        assertTrue(line.contains("platform-a.AbCdEf…"), line);
    }

    @Test
    void refusalsCarryTheMaskedIdAndKeepTheirCode() {
        final ChaincodeException refusal = Refusals.refusal(ErrorCode.INSUFFICIENT_BALANCE,
            "user '" + ALICE + "' has 1 on platform 'platform-a', needs 5");
        assertEquals("INSUFFICIENT_BALANCE: user 'platform-a.AbCdEf…' has 1 on platform 'platform-a', needs 5",
            refusal.getMessage());
        assertEquals("INSUFFICIENT_BALANCE", new String(refusal.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
