package org.pointsnet.chaincode.probe;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.pointsnet.contract.ErrorCode.NOT_FOUND;

import java.time.format.DateTimeFormatter;
import org.pointsnet.contract.ProbeFunction.Names;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.pointsnet.chaincode.support.Json;

/**
 * Smoke-test contract "probe": PutValue stores a string and emits ValueWritten, GetValue reads it back.
 *
 * <p>Callable as "probe:PutValue" / "probe:GetValue", and, while it is the {@code @Default} contract, as plain
 * "PutValue" / "GetValue". Clients should use the qualified names: the points ledger contract will take over the
 * default slot.
 */
@Contract(name = ProbeContract.NAME)
@Default
public final class ProbeContract implements ContractInterface {
    /** Contract name, the prefix of qualified function names. */
    public static final String NAME = Names.PROBE;
    /** Name of the chaincode event every successful PutValue sets. */
    public static final String EVENT_VALUE_WRITTEN = "ValueWritten";
    // Composite-key object type: keeps probe keys apart from the points ledger's keys in the same namespace.
    static final String KEY_TYPE = "probe.value";

    /**
     * Stores {@code value} under {@code key} and sets the ValueWritten event.
     *
     * @return the event payload JSON: {"key","value","txId","timestamp"}
     */
    @Transaction(name = Names.PUT_VALUE, intent = Transaction.TYPE.SUBMIT)
    public String putValue(final Context ctx, final String key, final String value) {
        ProbeRules.checkKey(key);
        ProbeRules.checkValue(key, value);
        final ChaincodeStub stub = ctx.getStub();
        stub.putState(stateKey(stub, key), value.getBytes(UTF_8));
        // Only transaction data goes into the payload (no wall clock, no randomness): every endorser must
        // produce the same bytes or the endorsements will not match.
        final ValueWritten written = new ValueWritten(
                key, value, stub.getTxId(), DateTimeFormatter.ISO_INSTANT.format(stub.getTxTimestamp()));
        final byte[] payload = Json.writeBytes(written);
        stub.setEvent(EVENT_VALUE_WRITTEN, payload);
        return new String(payload, UTF_8);
    }

    /**
     * Reads the value stored under {@code key}.
     *
     * @return {"key","value"} JSON
     */
    @Transaction(name = Names.GET_VALUE, intent = Transaction.TYPE.EVALUATE)
    public String getValue(final Context ctx, final String key) {
        ProbeRules.checkKey(key);
        final ChaincodeStub stub = ctx.getStub();
        final byte[] stored = stub.getState(stateKey(stub, key));
        // The shim returns an empty array, not null, for a missing key.
        if (stored == null || stored.length == 0) {
            throw refusal(NOT_FOUND, "key '" + key + "' has no value");
        }
        return Json.write(new StoredValue(key, new String(stored, UTF_8)));
    }

    private static String stateKey(final ChaincodeStub stub, final String key) {
        return stub.createCompositeKey(KEY_TYPE, key).toString();
    }
}
