package org.pointsnet.gateway.events;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The chaincode events a committed block carries: one per valid endorser transaction of our chaincode, in block
 * order. Transactions the peers marked invalid (MVCC conflicts, endorsement failures) changed nothing, so their
 * events are skipped, as the peer's own chaincode event service does.
 */
public final class BlockEvents {

    private BlockEvents() {
    }

    /** The events of {@code chaincode} in {@code block}; {@code payload}s are parsed JSON (text if not JSON). */
    public static List<ChaincodeEventRecord> of(final Block block, final String chaincode, final ObjectMapper json) {
        final long number = block.getHeader().getNumber();
        final ByteString validity = block.getMetadata().getMetadataCount() > BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
            ? block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE) : ByteString.EMPTY;
        final List<ChaincodeEventRecord> events = new ArrayList<>();
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            if (i >= validity.size() || validity.byteAt(i) != TxValidationCode.VALID_VALUE) {
                continue;
            }
            try {
                final Payload payload = Payload.parseFrom(Envelope.parseFrom(block.getData().getData(i)).getPayload());
                final ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
                if (header.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
                    continue;
                }
                for (final TransactionAction action : Transaction.parseFrom(payload.getData()).getActionsList()) {
                    final ChaincodeEvent event = eventOf(action);
                    if (event != null && chaincode.equals(event.getChaincodeId()) && !event.getEventName().isEmpty()) {
                        events.add(new ChaincodeEventRecord(number, header.getTxId(), event.getEventName(),
                            parsePayload(event.getPayload().toByteArray(), json)));
                    }
                }
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("block " + number + " transaction " + i + " cannot be parsed", e);
            }
        }
        return events;
    }

    private static ChaincodeEvent eventOf(final TransactionAction action) throws InvalidProtocolBufferException {
        final ChaincodeActionPayload actionPayload = ChaincodeActionPayload.parseFrom(action.getPayload());
        final ProposalResponsePayload response =
            ProposalResponsePayload.parseFrom(actionPayload.getAction().getProposalResponsePayload());
        final ByteString events = ChaincodeAction.parseFrom(response.getExtension()).getEvents();
        return events.isEmpty() ? null : ChaincodeEvent.parseFrom(events);
    }

    static JsonNode parsePayload(final byte[] payload, final ObjectMapper json) {
        try {
            final JsonNode node = json.readTree(payload);
            if (node != null && !node.isMissingNode()) {
                return node;
            }
        } catch (JacksonException e) {
            // not JSON: kept as text below
        }
        return json.getNodeFactory().stringNode(new String(payload, StandardCharsets.UTF_8));
    }
}
