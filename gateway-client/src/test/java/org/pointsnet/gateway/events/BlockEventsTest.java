package org.pointsnet.gateway.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BlockEventsTest {

    private static List<ChaincodeEventRecord> events(final Block block) {
        return BlockEvents.of(block, "points", JsonMapper.shared());
    }

    @Test
    void validTransactionsOfOurChaincodeGiveTheirEventsInBlockOrder() {
        final Block block = TestBlocks.block(7, List.of(
            TestBlocks.Tx.valid("t1", "Receipt", TestBlocks.receipt("t1", "ISSUE", "platform-a", "platform-a", "u", 5)),
            TestBlocks.Tx.valid("t2", "ValueWritten", "not json")));

        final List<ChaincodeEventRecord> events = events(block);

        assertEquals(List.of("t1", "t2"), events.stream().map(ChaincodeEventRecord::txId).toList());
        assertEquals(7, events.get(0).blockNumber());
        assertEquals("ISSUE", events.get(0).payload().get("type").asString());
        assertEquals("not json", events.get(1).payload().asString());
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

        assertEquals(List.of("ok"), events(block).stream().map(ChaincodeEventRecord::txId).toList());
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
}
