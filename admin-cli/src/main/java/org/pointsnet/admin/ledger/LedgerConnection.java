package org.pointsnet.admin.ledger;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.pointsnet.contract.ErrorCode;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * One org admin's session with its own peer through the Fabric Gateway: TLS trusting only the org's TLS CA, signed as
 * the org's operator. Requests are the contract's {@link LedgerRequest} records, as the REST gateway sends them.
 */
public final class LedgerConnection implements LedgerSession {

    private static final JsonMapper JSON = JsonMapper.shared();
    // Generous: the CLI runs on loaded machines too; a commit waits for a block to be cut and validated.
    private static final long EVALUATE_SECONDS = 30;
    private static final long ENDORSE_SECONDS = 60;
    private static final long SUBMIT_SECONDS = 30;
    private static final long COMMIT_SECONDS = 120;

    private final ManagedChannel channel;
    private final Gateway gateway;
    private final Contract contract;
    private final Consumer<String> progress;

    private LedgerConnection(ManagedChannel channel, Gateway gateway, Contract contract, Consumer<String> progress) {
        this.channel = channel;
        this.gateway = gateway;
        this.contract = contract;
        this.progress = progress;
    }

    /** Reads the identity and TLS root and prepares the session; gRPC dials the peer on the first call. */
    public static LedgerConnection open(ConnectionSettings settings, Consumer<String> progress) {
        X509Certificate certificate;
        PrivateKey key;
        try (Reader certReader = Files.newBufferedReader(settings.certPath(), StandardCharsets.US_ASCII);
             Reader keyReader = Files.newBufferedReader(settings.keyPath(), StandardCharsets.US_ASCII)) {
            certificate = Identities.readX509Certificate(certReader);
            key = Identities.readPrivateKey(keyReader);
        } catch (IOException | CertificateException | InvalidKeyException e) {
            throw LedgerException.usage("cannot read the operator identity of " + settings.platformId() + " ("
                + settings.certPath() + ", " + settings.keyPath() + "): " + e.getMessage());
        }
        ChannelCredentials credentials;
        try {
            credentials = TlsChannelCredentials.newBuilder().trustManager(settings.tlsCaCert().toFile()).build();
        } catch (IOException e) {
            throw LedgerException.usage("cannot read the TLS CA certificate " + settings.tlsCaCert() + ": "
                + e.getMessage());
        }
        ManagedChannel channel = Grpc.newChannelBuilder(settings.peerEndpoint(), credentials)
            .overrideAuthority(settings.peerHostOverride())
            .build();
        Gateway gateway = Gateway.newInstance()
            .identity(new X509Identity(settings.mspId(), certificate))
            .signer(Signers.newPrivateKeySigner(key))
            .hash(Hash.SHA256)
            .connection(channel)
            .evaluateOptions(o -> o.withDeadlineAfter(EVALUATE_SECONDS, TimeUnit.SECONDS))
            .endorseOptions(o -> o.withDeadlineAfter(ENDORSE_SECONDS, TimeUnit.SECONDS))
            .submitOptions(o -> o.withDeadlineAfter(SUBMIT_SECONDS, TimeUnit.SECONDS))
            .commitStatusOptions(o -> o.withDeadlineAfter(COMMIT_SECONDS, TimeUnit.SECONDS))
            .connect();
        progress.accept("connected to " + settings.peerHostOverride() + " (" + settings.peerEndpoint() + ") as "
            + settings.mspId() + " operator, channel " + settings.channel());
        return new LedgerConnection(channel, gateway,
            gateway.getNetwork(settings.channel()).getContract(settings.chaincode()), progress);
    }

    @Override
    public String submit(LedgerFunction function, LedgerRequest request) {
        String json = json(function, LedgerFunction.Kind.SUBMIT, request);
        String txId = null;
        try {
            Proposal proposal = contract.newProposal(function.qualifiedName()).addArguments(json).build();
            txId = proposal.getTransactionId();
            progress.accept("submitting " + function + " (tx " + txId + ")");
            SubmittedTransaction submitted = proposal.endorse().submitAsync();
            byte[] result = submitted.getResult();
            org.hyperledger.fabric.client.Status status = submitted.getStatus();
            if (!status.isSuccessful()) {
                throw new LedgerException(LedgerException.Kind.REFUSED, function + " tx " + txId
                    + " was committed invalid: " + status.getCode().name(), null);
            }
            progress.accept("committed " + function + " in block " + status.getBlockNumber());
            return new String(result, StandardCharsets.UTF_8);
        } catch (GatewayException e) {
            throw translate(function, txId, e);
        } catch (io.grpc.StatusRuntimeException e) {
            throw translate(function, txId, e.getStatus(), e);
        }
    }

    @Override
    public String evaluate(LedgerFunction function, LedgerRequest request) {
        String json = json(function, LedgerFunction.Kind.EVALUATE, request);
        try {
            return new String(contract.evaluateTransaction(function.qualifiedName(), json), StandardCharsets.UTF_8);
        } catch (GatewayException e) {
            throw translate(function, null, e);
        }
    }

    /** The JSON the chaincode reads, once {@code request} is sure to be the function's own shape. */
    public static String json(LedgerFunction function, LedgerFunction.Kind kind, LedgerRequest request) {
        if (function.kind() != kind || !LedgerRequest.typeOf(function).isInstance(request)) {
            throw new IllegalArgumentException(function + " is not a " + kind + " function taking "
                + request.getClass().getSimpleName());
        }
        return JSON.writeValueAsString(request);
    }

    private static LedgerException translate(LedgerFunction function, String txId, GatewayException e) {
        for (ErrorDetail detail : e.getDetails()) {
            Optional<ErrorCode.Coded> coded = ErrorCode.read(detail.getMessage());
            if (coded.isPresent()) {
                return refused(function, coded.get(), e);
            }
        }
        return translate(function, txId, e.getStatus(), e);
    }

    private static LedgerException translate(LedgerFunction function, String txId, Status status, Exception e) {
        Optional<ErrorCode.Coded> coded = ErrorCode.read(status.getDescription());
        if (coded.isPresent()) {
            return refused(function, coded.get(), e);
        }
        String what = function + (txId == null ? "" : " (tx " + txId + ")") + " failed: " + status.getCode()
            + (status.getDescription() == null ? "" : " " + status.getDescription());
        boolean unavailable = status.getCode() == Status.Code.UNAVAILABLE
            || status.getCode() == Status.Code.DEADLINE_EXCEEDED || status.getCode() == Status.Code.CANCELLED;
        return new LedgerException(unavailable ? LedgerException.Kind.UNAVAILABLE : LedgerException.Kind.FAILED,
            what, e);
    }

    private static LedgerException refused(LedgerFunction function, ErrorCode.Coded coded, Exception e) {
        return new LedgerException(LedgerException.Kind.REFUSED,
            function + " refused: " + coded.code() + ": " + coded.detail(), e);
    }

    @Override
    public void close() {
        gateway.close();
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
