package org.pointsnet.gateway.events;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
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

/** Blocks shaped like the ones a Fabric peer delivers, built from protos for tests. */
public final class TestBlocks {

    private TestBlocks() {
    }

    /** One transaction of a test block; {@code eventName} null means a transaction that set no event. */
    public record Tx(String txId, TxValidationCode code, HeaderType type, String chaincode, String eventName,
                     String payload) {

        /** A valid endorser transaction of chaincode "points" setting {@code eventName}. */
        public static Tx valid(final String txId, final String eventName, final String payload) {
            return new Tx(txId, TxValidationCode.VALID, HeaderType.ENDORSER_TRANSACTION, "points", eventName, payload);
        }
    }

    /** A Receipt event payload with one posting per (platformId, userId, delta) triple. */
    public static String receipt(final String txId, final String type, final String platformId,
                                 final Object... postings) {
        final StringBuilder json = new StringBuilder("{\"type\":\"").append(type).append("\",\"requestId\":\"r-")
            .append(txId).append("\",\"requestHash\":\"h\",\"txId\":\"").append(txId)
            .append("\",\"timestamp\":\"2026-11-24T00:00:00Z\",\"platformId\":\"").append(platformId)
            .append("\",\"postings\":[");
        for (int i = 0; i + 2 < postings.length; i += 3) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"platformId\":\"").append(postings[i]).append("\",\"userId\":\"").append(postings[i + 1])
                .append("\",\"delta\":").append(postings[i + 2]).append('}');
        }
        return json.append("]}").toString();
    }

    public static Block block(final long number, final List<Tx> transactions) {
        final BlockData.Builder data = BlockData.newBuilder();
        final byte[] validity = new byte[transactions.size()];
        for (int i = 0; i < transactions.size(); i++) {
            final Tx tx = transactions.get(i);
            validity[i] = (byte) tx.code().getNumber();
            data.addData(envelope(tx).toByteString());
        }
        final BlockMetadata.Builder metadata = BlockMetadata.newBuilder();
        for (int i = 0; i < 5; i++) {
            metadata.addMetadata(i == 2 ? ByteString.copyFrom(validity) : ByteString.EMPTY);
        }
        return Block.newBuilder()
            .setHeader(BlockHeader.newBuilder().setNumber(number))
            .setData(data)
            .setMetadata(metadata)
            .build();
    }

    private static Envelope envelope(final Tx tx) {
        final ChaincodeAction.Builder action = ChaincodeAction.newBuilder();
        if (tx.eventName() != null) {
            action.setEvents(ChaincodeEvent.newBuilder().setChaincodeId(tx.chaincode()).setTxId(tx.txId())
                .setEventName(tx.eventName())
                .setPayload(ByteString.copyFrom(tx.payload(), StandardCharsets.UTF_8)).build().toByteString());
        }
        final ProposalResponsePayload response = ProposalResponsePayload.newBuilder()
            .setExtension(action.build().toByteString()).build();
        final ChaincodeActionPayload actionPayload = ChaincodeActionPayload.newBuilder()
            .setAction(ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(response.toByteString()))
            .build();
        final Transaction transaction = Transaction.newBuilder()
            .addActions(TransactionAction.newBuilder().setPayload(actionPayload.toByteString())).build();
        final Payload payload = Payload.newBuilder()
            .setHeader(Header.newBuilder().setChannelHeader(ChannelHeader.newBuilder().setType(tx.type().getNumber())
                .setTxId(tx.txId()).setChannelId("points").build().toByteString()))
            .setData(transaction.toByteString())
            .build();
        return Envelope.newBuilder().setPayload(payload.toByteString()).build();
    }
}
