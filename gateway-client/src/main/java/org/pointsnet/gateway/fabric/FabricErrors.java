package org.pointsnet.gateway.fabric;

import io.grpc.Status;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.pointsnet.contract.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates fabric-gateway exceptions into {@link LedgerException}s and logs the full gRPC picture (status,
 * peer addresses, MSP ids) server-side, because none of it may reach a client.
 */
public final class FabricErrors {

    private static final Logger LOG = LoggerFactory.getLogger(FabricErrors.class);

    /** Discovery found no set of live peers that satisfies the endorsement policy (an org has none up). */
    static final String NO_PEER_COMBINATION = "no combination of peers can be derived";
    /** The same refusal for a chaincode the channel does not define: a configuration error, not an outage. */
    static final String NO_CHAINCODE_DEFINITION = "No metadata was found";

    /**
     * How a peer's endorsement failure reads (lower case) when the peer or its chaincode server cannot be reached, as
     * Fabric 3.1 words them: the gateway's gRPC call to another org's peer failed, or the peer could not connect to
     * (or lost) its chaincode-as-a-service server. "] error sending " is the peer's stream to the chaincode server
     * failing a send ({@code Handler.serialSend}: "[3f2a9c1e] error sending TRANSACTION: EOF" when the server died
     * with the transaction in flight). "the client connection is closing" is the peer's gateway closing its one
     * connection to another org's peer after that peer failed a call ({@code registry.removeEndorser}), which cancels
     * every endorsement still in flight on it.
     */
    private static final List<String> UNREACHABLE = List.of(
        "code = unavailable",
        "connection refused",
        "error while dialing",
        "could not launch chaincode",
        "chaincode registration failed",
        "chaincode stream terminated",
        "] error sending ",
        "the client connection is closing",
        "timeout expired while executing transaction");

    /**
     * How an endorsing peer says it could not hand the private data it wrote to the peers of the other orgs that must
     * hold it: the org it names (the endorser) is fine, one it could not reach is not, so no org is named from it.
     */
    private static final List<String> OTHER_ORG_UNREACHABLE = List.of(
        "failed to distribute private collection",
        "private data dissemination plan",
        "private dissemination plans");

    /**
     * How the peer's gateway reports an orderer's refusal (Fabric 3.1.5 {@code submitNonBFT}: a 4xx broadcast status
     * becomes gRPC ABORTED and no other orderer is tried) and how an orderer that does not serve the channel refuses
     * ({@code Registrar.BroadcastChannelSupport} → BAD_REQUEST): a consenter that was removed from the channel while a
     * peer's gateway still lists it (docs/operations.md, "Change the orderers"). The transaction was never ordered.
     */
    static final String ORDERER_REFUSED = "received unsuccessful response from orderer";
    static final String ORDERER_WITHOUT_CHANNEL = "channel does not exist";

    private FabricErrors() {
    }

    /**
     * @param operation     what was being done, for the log (e.g. the chaincode function)
     * @param transactionId the transaction id if one was assigned, else null
     */
    public static LedgerException translate(final String operation, final String transactionId,
                                            final GatewayException e) {
        final Status status = e.getStatus();
        final List<ErrorDetail> details = e.getDetails();
        final Optional<ErrorCode.Coded> coded = chaincodeError(status, details);
        if (coded.isPresent()) {
            final ErrorCode.Coded m = coded.get();
            LOG.info("{} rejected by chaincode: {}: {} (tx {})", operation, m.code(), m.detail(), transactionId);
            return new ChaincodeRejectedException(m.code(), m.detail(), transactionId, e);
        }
        final String summary = operation + " failed: " + describe(status, details);
        LOG.warn("{} (tx {}, {})", summary, transactionId, e.getClass().getSimpleName());
        final Optional<List<String>> unreachable = unreachableOrgs(status, details);
        if (unreachable.isPresent()) {
            return new PlatformUnavailableException(summary, transactionId, unreachable.get(), e);
        }
        final boolean outcomeUnknown = isOutcomeUnknown(e);
        if (outcomeUnknown || isUnavailable(status.getCode()) || isOrdererWithoutChannel(e)) {
            return new LedgerUnavailableException(summary, transactionId, outcomeUnknown, e);
        }
        return new LedgerFailureException(summary, transactionId, e);
    }

    /**
     * The coded chaincode message ({@link ErrorCode#read}, the contract's wire format) in the endorsement details or,
     * failing that, in the status description.
     */
    static Optional<ErrorCode.Coded> chaincodeError(final Status status, final List<ErrorDetail> details) {
        for (final ErrorDetail detail : details) {
            final Optional<ErrorCode.Coded> coded = ErrorCode.read(detail.getMessage());
            if (coded.isPresent()) {
                return coded;
            }
        }
        return ErrorCode.read(status.getDescription());
    }

    /**
     * The orgs whose endorsement could not be had because their peer or chaincode server is unreachable: the MSPs of
     * the endorsement details that say so; none named when an endorser could not disseminate its private data to
     * another org's peers, or when discovery already left an org's peers out of every endorsement plan. Empty when the
     * failure is of another kind.
     */
    static Optional<List<String>> unreachableOrgs(final Status status, final List<ErrorDetail> details) {
        final List<String> msps = details.stream()
            .filter(d -> unreachable(d.getMessage()))
            .map(ErrorDetail::getMspId)
            .distinct()
            .toList();
        if (!msps.isEmpty()) {
            return Optional.of(msps);
        }
        if (details.stream().anyMatch(d -> contains(d.getMessage(), OTHER_ORG_UNREACHABLE))) {
            return Optional.of(List.of());
        }
        final String description = status.getDescription();
        if (status.getCode() == Status.Code.FAILED_PRECONDITION && description != null
            && description.contains(NO_PEER_COMBINATION) && !description.contains(NO_CHAINCODE_DEFINITION)) {
            return Optional.of(List.of());
        }
        return Optional.empty();
    }

    private static boolean unreachable(final String message) {
        return contains(message, UNREACHABLE);
    }

    private static boolean contains(final String message, final List<String> lowerCaseParts) {
        if (message == null) {
            return false;
        }
        final String lower = message.toLowerCase(Locale.ROOT);
        return lowerCaseParts.stream().anyMatch(lower::contains);
    }

    static boolean isUnavailable(final Status.Code code) {
        return code == Status.Code.UNAVAILABLE
            || code == Status.Code.DEADLINE_EXCEEDED
            || code == Status.Code.RESOURCE_EXHAUSTED
            || code == Status.Code.CANCELLED;
    }

    // An orderer that left the channel refused the submission before ordering it: nothing changed, and a retry goes to
    // another orderer with the gateway's random choice (only on a peer whose gateway still lists the one that left).
    static boolean isOrdererWithoutChannel(final GatewayException e) {
        final String description = e.getStatus().getDescription();
        return e instanceof SubmitException && e.getStatus().getCode() == Status.Code.ABORTED && description != null
            && description.contains(ORDERER_REFUSED) && description.contains(ORDERER_WITHOUT_CHANNEL);
    }

    // The transaction may have reached the orderer and may still commit: the commit status could not be read,
    // or the submit timed out. Endorsement failures are never in doubt: nothing was sent to the orderer.
    static boolean isOutcomeUnknown(final GatewayException e) {
        return e instanceof CommitStatusException
            || e instanceof SubmitException && e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED;
    }

    private static String describe(final Status status, final List<ErrorDetail> details) {
        final String base = status.getCode() + (status.getDescription() != null ? " " + status.getDescription() : "");
        if (details.isEmpty()) {
            return base;
        }
        return base + details.stream()
            .map(d -> d.getMspId() + "@" + d.getAddress() + ": " + d.getMessage())
            .collect(Collectors.joining("; ", " [", "]"));
    }
}
