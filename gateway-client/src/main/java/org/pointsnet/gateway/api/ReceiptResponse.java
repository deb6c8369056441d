package org.pointsnet.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.pointsnet.contract.Posting;
import org.pointsnet.contract.Receipt;
import org.pointsnet.contract.RulesUsed;
import org.pointsnet.gateway.ledger.LedgerClient;

/**
 * API.md's receipt of a mutating call: {@code {txId, requestId, status: "COMMITTED", blockNumber, postings, ...}}
 * followed by the chaincode receipt's other members (type, timestamp, platformId, rules, detail); its requestHash is
 * the chaincode's business and stays out. Members in component order.
 *
 * @param txId the receipt's transaction, so a repeated Idempotency-Key answers the first transaction's id
 * @param blockNumber the block that transaction committed in
 */
public record ReceiptResponse(String txId, String requestId, String status, long blockNumber, List<Posting> postings,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String type,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String timestamp,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String platformId,
                              @JsonInclude(JsonInclude.Include.NON_NULL) RulesUsed rules,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Object detail) {

    /** Every receipt the API answers has been committed on this org's peer. */
    static final String COMMITTED = "COMMITTED";

    static ReceiptResponse of(final LedgerClient.Committed committed) {
        final Receipt receipt = committed.receipt();
        return new ReceiptResponse(receipt.txId() != null ? receipt.txId() : committed.txId(), receipt.requestId(),
            COMMITTED, committed.blockNumber(), receipt.postings(), receipt.type(), receipt.timestamp(),
            receipt.platformId(), receipt.rules(), receipt.detail());
    }
}
