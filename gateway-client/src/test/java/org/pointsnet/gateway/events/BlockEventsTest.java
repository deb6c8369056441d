package org.pointsnet.gateway.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.support.TestMsps;
import tools.jackson.databind.json.JsonMapper;

class BlockEventsTest {

    private static List<TransactionEvent> events(final Block block) {
        return BlockEvents.of(block, "points");
    }

    @Test
    void validTransactionsOfOurChaincodeGiveTheirEventsInBlockOrder() {
        final Block block = TestBlocks.block(7, List.of(
            TestBlocks.Tx.valid("t1", "Receipt", TestBlocks.receipt("t1", "ISSUE", "platform-a", "platform-a", "u", 5)),
            TestBlocks.Tx.valid("t2", "ValueWritten", "not json")));

        final List<TransactionEvent> events = events(block);

        assertEquals(List.of("t1", "t2"), events.stream().map(TransactionEvent::txId).toList());
        assertEquals(List.of(0, 1), events.stream().map(TransactionEvent::txIndex).toList());
        assertEquals(7, events.get(0).blockNumber());
        final ChaincodeEventRecord first = events.get(0).record(JsonMapper.shared());
        assertEquals("ISSUE", first.payload().get("type").asString());
        assertEquals("not json", events.get(1).record(JsonMapper.shared()).payload().asString());
    }

    @Test
    void invalidOtherChaincodeConfigAndEventlessTransactionsAreSkipped() {
        final Block block = TestBlocks.block(3, List.of(
            new TestBlocks.Tx("bad", TxValidationCode.MVCC_READ_CONFLICT, HeaderType.ENDORSER_TRANSACTION, "points",
                "Receipt", "{}"),
            new TestBlocks.Tx("other", TxValidationCode.VALID, HeaderType.ENDORSER_TRANSACTION, "basic", "Receipt",
                "{}"),
            new TestBlocks.Tx("cfg", TxValidationCode.VALID, HeaderType.CONFIG, "points", "Receipt", "{}"),
            new TestBlocks.Tx("quiet", TxValidationCode.VALID, HeaderType.ENDORSER_TRANSACTION, "points", null, null),
            TestBlocks.Tx.valid("ok", "Receipt", "{\"type\":\"BURN\"}")));

        assertEquals(List.of("ok"), events(block).stream().map(TransactionEvent::txId).toList());
    }

    @Test
    void anEventCarriesTheSignedProposalResponseItCameFromAndItsEndorsements() throws Exception {
        final TestMsps msps = TestMsps.shared();
        final Block block = TestBlocks.block(4, List.of(msps.receipt("t1", "CONVERT", "platform-a",
            "platform-a", "u", -10, "platform-b", "u", 20)));

        final TransactionEvent event = events(block).get(0);

        // The event is the one inside the bytes the endorsers signed.
        final ChaincodeEvent inside = ChaincodeEvent.parseFrom(ChaincodeAction.parseFrom(
            ProposalResponsePayload.parseFrom(event.proposalResponsePayload()).getExtension()).getEvents());
        assertEquals(inside.getPayload(), event.payload());
        assertEquals(List.of("PlatformAMSP", "PlatformBMSP"), event.endorsements().stream()
            .map(e -> mspOf(e.getEndorser())).toList());
        assertTrue(event.readable());
        assertNull(event.problem());
    }

    @Test
    void anEventOfOurChaincodeThatDoesNotParseIsHandedOnAsUnreadable() {
        final ByteString garbage = ByteString.copyFrom(new byte[] {(byte) 0xff, 0x01, 0x02});
        final Block block = TestBlocks.block(5, List.of(TestBlocks.Tx.withRawEvent("t9", garbage)));

        final List<TransactionEvent> events = events(block);

        assertEquals(1, events.size());
        assertFalse(events.get(0).readable());
        assertNull(events.get(0).eventName());
        assertEquals(garbage, events.get(0).payload());
        assertEquals("the chaincode event is not a ChaincodeEvent message", events.get(0).problem());
        // Another chaincode's unreadable event is none of our business.
        final TestBlocks.Tx other = new TestBlocks.Tx("t8", TxValidationCode.VALID, HeaderType.ENDORSER_TRANSACTION,
            "basic", null, null, List.of(), garbage);
        assertEquals(List.of(), events(TestBlocks.block(6, List.of(other))));
    }

    @Test
    void aCorruptTransactionFailsLoudlyNamingTheBlock() {
        final Block good = TestBlocks.block(9, List.of(TestBlocks.Tx.valid("t", "Receipt", "{}")));
        final Block corrupt = good.toBuilder()
            .setData(BlockData.newBuilder().addData(com.google.protobuf.ByteString.copyFromUtf8("\u0001garbage")))
            .build();

        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> events(corrupt));
        assertEquals("block 9 transaction 0 cannot be parsed", e.getMessage());
    }

    private static String mspOf(final ByteString endorser) {
        try {
            return SerializedIdentity.parseFrom(endorser).getMspid();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
