package org.pointsnet.chaincode.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * In-memory stand-in for the peer side of one transaction: world state, events, tx id, timestamp, creator.
 *
 * <p>A dynamic proxy rather than a class implementing the ~50 stub methods: only what the contracts use is answered,
 * and any other call fails the test loudly instead of returning a silent default.
 */
public final class FakeStub implements InvocationHandler {
    /** A chaincode event as set by the contract. */
    public record Event(String name, byte[] payload) {}

    public static final String MSP_ID = "PlatformAMSP";

    private final Map<String, byte[]> state = new TreeMap<>();
    private final List<Event> events = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private String txId;
    private Instant timestamp;
    private List<byte[]> args = List.of();

    public FakeStub(final String txId, final Instant timestamp) {
        this.txId = txId;
        this.timestamp = timestamp;
    }

    /** Starts a new transaction on the same world state: new id and time, no events, new arguments. */
    public FakeStub nextTx(final String newTxId, final Instant newTimestamp, final String... stringArgs) {
        txId = newTxId;
        timestamp = newTimestamp;
        events.clear();
        args = Arrays.stream(stringArgs).map(s -> s.getBytes(UTF_8)).toList();
        return this;
    }

    public ChaincodeStub stub() {
        return (ChaincodeStub) Proxy.newProxyInstance(
                ChaincodeStub.class.getClassLoader(), new Class<?>[] {ChaincodeStub.class}, this);
    }

    /** A real contract {@link Context}: it parses the creator, so the fake serves a genuine X.509 identity. */
    public Context context() {
        return new Context(stub());
    }

    public Map<String, byte[]> state() {
        return state;
    }

    public List<Event> events() {
        return events;
    }

    /** Names of the stub methods called, in order, to check that a rejected call wrote nothing. */
    public List<String> calls() {
        return calls;
    }

    @Override
    public Object invoke(final Object proxy, final Method method, final Object[] a) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == a[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "FakeStub[" + txId + "]";
            };
        }
        calls.add(method.getName());
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, a);
        }
        return switch (method.getName()) {
            case "getTxId" -> txId;
            case "getTxTimestamp" -> timestamp;
            case "getMspId" -> MSP_ID;
            case "getCreator" -> serializedIdentity();
            case "getArgs" -> args;
            case "getStringArgs" -> args.stream().map(b -> new String(b, UTF_8)).toList();
            case "getFunction" -> args.isEmpty() ? null : new String(args.get(0), UTF_8);
            case "getParameters" -> args.stream().skip(1).map(b -> new String(b, UTF_8)).toList();
            // No transient data: the link contract then reads its request from the argument.
            case "getTransient" -> java.util.Map.of();
            case "createCompositeKey" -> new CompositeKey((String) a[0], (String[]) a[1]);
            // Like the peer: a missing key reads as an empty array, not null.
            case "getState" -> state.getOrDefault((String) a[0], new byte[0]).clone();
            case "putState" -> {
                state.put((String) a[0], ((byte[]) a[1]).clone());
                yield null;
            }
            case "setEvent" -> {
                events.add(new Event((String) a[0], ((byte[]) a[1]).clone()));
                yield null;
            }
            default -> throw new UnsupportedOperationException("FakeStub does not implement " + method.getName());
        };
    }

    /**
     * msp.SerializedIdentity {1: mspid, 2: id_bytes (PEM)} encoded by hand, since fabric-protos is only a runtime
     * dependency of the shim.
     */
    private static byte[] serializedIdentity() {
        final byte[] msp = MSP_ID.getBytes(UTF_8);
        final byte[] pem = clientCertPem();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x0A);
        writeVarint(out, msp.length);
        out.writeBytes(msp);
        out.write(0x12);
        writeVarint(out, pem.length);
        out.writeBytes(pem);
        return out.toByteArray();
    }

    private static void writeVarint(final ByteArrayOutputStream out, final int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static byte[] clientCertPem() {
        try (InputStream in = FakeStub.class.getResourceAsStream("client-cert.pem")) {
            if (in == null) {
                throw new IllegalStateException("client-cert.pem missing from test resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
