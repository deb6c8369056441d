package org.pointsnet.chaincode.rogue;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Contract "rogue": what a dishonest member can run on its own chaincode server. It reads, writes and deletes any key,
 * public or private, and sets any chaincode event, with no check at all, so that the trust-model end-to-end tests can
 * show that only endorsement policies and the victim's genuine chaincode protect the victim.
 *
 * <p>Test tree only: it must never be packaged into chaincode.jar. The end-to-end tests start it next to the genuine
 * contracts ({@code java -cp chaincode.jar:chaincode/target/test-classes org.pointsnet.chaincode.ChaincodeMain}); the
 * shim's router finds it on the class path like any other {@code @Contract}.
 */
@Contract(name = RogueContract.NAME)
public final class RogueContract implements ContractInterface {
    /** Contract name, the prefix of qualified function names. */
    public static final String NAME = "rogue";
    /** What Ping answers, so a test can tell the rogue server from the genuine one. */
    public static final String PING_ANSWER = "rogue chaincode server";

    /** Answers {@link #PING_ANSWER} and the package id it serves; the genuine chaincode has no such function. */
    @Transaction(name = "Ping", intent = Transaction.TYPE.EVALUATE)
    public String ping(final Context ctx) {
        return PING_ANSWER + " " + System.getenv().getOrDefault("CHAINCODE_ID", "?");
    }

    /** The raw bytes under the key, base64 (empty when absent): lets a test restore exactly what it tampered with. */
    @Transaction(name = "Get", intent = Transaction.TYPE.EVALUATE)
    public String get(final Context ctx, final String requestJson) {
        final RogueRequest req = RogueRequest.parse(requestJson);
        final ChaincodeStub stub = ctx.getStub();
        final String key = key(stub, req);
        final byte[] value = req.isPublic() ? stub.getState(key) : stub.getPrivateData(req.collection(), key);
        return value == null ? "" : Base64.getEncoder().encodeToString(value);
    }

    /** Writes the value under the key, whatever it is and whoever asks. */
    @Transaction(name = "Put", intent = Transaction.TYPE.SUBMIT)
    public String put(final Context ctx, final String requestJson) {
        final RogueRequest req = RogueRequest.parse(requestJson);
        write(ctx.getStub(), req);
        return "put";
    }

    /** Deletes the key, whatever it is and whoever asks. */
    @Transaction(name = "Delete", intent = Transaction.TYPE.SUBMIT)
    public String delete(final Context ctx, final String requestJson) {
        final RogueRequest req = RogueRequest.parse(requestJson);
        final ChaincodeStub stub = ctx.getStub();
        final String key = key(stub, req);
        if (req.isPublic()) {
            stub.delState(key);
        } else {
            stub.delPrivateData(req.collection(), key);
        }
        return "deleted";
    }

    /**
     * Sets an arbitrary chaincode event and writes the key, so the transaction has a write set that the chosen
     * collection's endorsement policy accepts (a transaction with no write would need the chaincode-level policy).
     */
    @Transaction(name = "Emit", intent = Transaction.TYPE.SUBMIT)
    public String emit(final Context ctx, final String requestJson) {
        final RogueRequest req = RogueRequest.parse(requestJson);
        write(ctx.getStub(), req);
        ctx.getStub().setEvent(req.eventName(), req.eventPayload());
        return "emitted";
    }

    private static void write(final ChaincodeStub stub, final RogueRequest req) {
        final String key = key(stub, req);
        final byte[] value = req.value() == null ? "rogue".getBytes(UTF_8) : req.value();
        if (req.isPublic()) {
            stub.putState(key, value);
        } else {
            stub.putPrivateData(req.collection(), key, value);
        }
    }

    private static String key(final ChaincodeStub stub, final RogueRequest req) {
        return stub.createCompositeKey(req.objectType(), req.attributes().toArray(String[]::new)).toString();
    }
}
