package org.pointsnet.gateway.fabric;

import com.google.protobuf.InvalidProtocolBufferException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockchainInfo;

/** The channel's query system chaincode (qscc) on this org's peer: how high the chain is, where a transaction is. */
public final class Qscc {

    private static final String GET_CHAIN_INFO = "GetChainInfo";
    private static final String GET_BLOCK_BY_TX_ID = "GetBlockByTxID";

    private final Contract qscc;
    private final String channel;

    /** @param qscc {@code network.getContract("qscc")} of {@code channel} */
    Qscc(final Contract qscc, final String channel) {
        this.qscc = qscc;
        this.channel = channel;
    }

    /** The number of blocks the peer has committed (the next block's number). */
    public long height() {
        final byte[] info = query(GET_CHAIN_INFO, null);
        try {
            return BlockchainInfo.parseFrom(info).getHeight();
        } catch (InvalidProtocolBufferException e) {
            throw new LedgerFailureException("qscc:" + GET_CHAIN_INFO + " returned no chain info", null, e);
        }
    }

    /** The number of the block holding committed transaction {@code txId}. */
    public long blockNumberOf(final String txId) {
        final byte[] block = query(GET_BLOCK_BY_TX_ID, txId);
        try {
            return Block.parseFrom(block).getHeader().getNumber();
        } catch (InvalidProtocolBufferException e) {
            throw new LedgerFailureException("qscc:" + GET_BLOCK_BY_TX_ID + " returned no block for tx " + txId, txId,
                e);
        }
    }

    private byte[] query(final String function, final String txId) {
        try {
            return txId == null ? qscc.evaluateTransaction(function, channel)
                : qscc.evaluateTransaction(function, channel, txId);
        } catch (GatewayException e) {
            throw FabricErrors.translate("qscc:" + function, txId, e);
        }
    }
}
