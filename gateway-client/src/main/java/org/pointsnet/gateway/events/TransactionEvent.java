package org.pointsnet.gateway.events;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Objects;
import org.hyperledger.fabric.protos.peer.Endorsement;
import tools.jackson.databind.ObjectMapper;

/**
 * One chaincode event of a VALID transaction with what shows who stands behind it: the payload bytes as the
 * chaincode set them, and the endorsed proposal response they were read from with its endorsements (not checked
 * here: a VALID flag does not make every endorsement genuine).
 *
 * @param txIndex                 the transaction's position in the block
 * @param eventName               null when the event could not be read ({@code problem} says why)
 * @param payload                 the event payload; for an unreadable event, the raw event bytes
 * @param proposalResponsePayload the bytes every endorsement signed; the event is read from their ChaincodeAction
 * @param problem                 why the event could not be read; null when it was
 */
public record TransactionEvent(long blockNumber, int txIndex, String txId, String eventName, ByteString payload,
                               ByteString proposalResponsePayload, List<Endorsement> endorsements, String problem) {

    public TransactionEvent {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(proposalResponsePayload, "proposalResponsePayload");
        endorsements = List.copyOf(endorsements);
        if ((eventName == null) == (problem == null)) {
            throw new IllegalArgumentException("an event has either a name or a problem, tx " + txId);
        }
    }

    /** Whether the chaincode event could be read (its name and payload are known). */
    public boolean readable() {
        return problem == null;
    }

    /** The event as observers see it: the payload parsed as JSON (text if not JSON). */
    public ChaincodeEventRecord record(final ObjectMapper json) {
        if (!readable()) {
            throw new IllegalStateException("the chaincode event of tx " + txId + " could not be read: " + problem);
        }
        return new ChaincodeEventRecord(blockNumber, txId, eventName,
            BlockEvents.parsePayload(payload.toByteArray(), json));
    }
}
