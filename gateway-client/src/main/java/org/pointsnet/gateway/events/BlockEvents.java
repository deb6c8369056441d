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
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
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
 * order, each with the endorsed action it came from. Transactions the peers marked invalid (MVCC conflicts,
 * endorsement failures) changed nothing, so their events are skipped, as the peer's own chaincode event service does.
 *
 * <p>Envelope, transaction and endorsed action are parsed by every validating peer, so in a VALID transaction they
 * parse; if they do not, the block itself is wrong and reading it fails loudly. The chaincode event's bytes are
 * whatever the endorsing peers returned: an event of our chaincode that does not parse is handed on as unreadable,
 * so one org's peer cannot stop every gateway's listener with it.
 */
public final class BlockEvents {

    private BlockEvents() {
    }

    /** The events of {@code chaincode} in {@code block}, in block order. */
    public static List<TransactionEvent> of(final Block block, final String chaincode) {
        final long number = block.getHeader().getNumber();
        final int filter = BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE;
        final ByteString validity = block.getMetadata().getMetadataCount() > filter
            ? block.getMetadata().getMetadata(filter) : ByteString.EMPTY;
        final List<TransactionEvent> events = new ArrayList<>();
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
                    final TransactionEvent event = eventOf(number, i, header.getTxId(), action, chaincode);
                    if (event != null) {
                        events.add(event);
                    }
                }
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("block " + number + " transaction " + i + " cannot be parsed", e);
            }
        }
        return events;
    }

    private static TransactionEvent eventOf(final long number, final int index, final String txId,
                                            final TransactionAction action, final String chaincode)
        throws InvalidProtocolBufferException {
        final ChaincodeEndorsedAction endorsed = ChaincodeActionPayload.parseFrom(action.getPayload()).getAction();
        final ByteString signed = endorsed.getProposalResponsePayload();
        final ChaincodeAction chaincodeAction =
            ChaincodeAction.parseFrom(ProposalResponsePayload.parseFrom(signed).getExtension());
        final ByteString bytes = chaincodeAction.getEvents();
        if (bytes.isEmpty()) {
            return null;
        }
        final ChaincodeEvent event;
        try {
            event = ChaincodeEvent.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            if (!chaincode.equals(chaincodeAction.getChaincodeId().getName())) {
                return null;
            }
            return new TransactionEvent(number, index, txId, null, bytes, signed, endorsed.getEndorsementsList(),
                "the chaincode event is not a ChaincodeEvent message");
        }
        if (!chaincode.equals(event.getChaincodeId()) || event.getEventName().isEmpty()) {
            return null;
        }
        return new TransactionEvent(number, index, txId, event.getEventName(), event.getPayload(), signed,
            endorsed.getEndorsementsList(), null);
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
