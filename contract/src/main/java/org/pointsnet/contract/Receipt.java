package org.pointsnet.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What one mutating transaction did: the payload of its one {@link #EVENT} chaincode event, the function's result,
 * and the record kept for idempotency.
 *
 * @param type ISSUE, BURN, TRANSFER, CONVERT, REDEEM, REGISTER_PLATFORM, ...
 * @param requestId the client's request id
 * @param requestHash SHA-256 (hex) of the function and its canonical request: a reused id with another request is
 *     refused
 * @param txId the transaction that executed the request
 * @param timestamp that transaction's timestamp (ISO-8601 UTC)
 * @param platformId the initiating platform, whose collection stores this receipt
 * @param postings every balance change, in order; empty for administrative transactions
 * @param rules rule versions used (conversions), else absent
 * @param detail type-specific record (read back as a generic JSON tree)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({Receipt.Fields.TYPE, Receipt.Fields.REQUEST_ID, Receipt.Fields.REQUEST_HASH, Receipt.Fields.TX_ID,
        Receipt.Fields.TIMESTAMP, Receipt.Fields.PLATFORM_ID, Receipt.Fields.POSTINGS, Receipt.Fields.RULES,
        Receipt.Fields.DETAIL})
public record Receipt(String type, String requestId, String requestHash, String txId, String timestamp,
        String platformId, List<Posting> postings, RulesUsed rules, Object detail) {
    /** Name of the one chaincode event every executed mutating transaction sets; its payload is the receipt. */
    public static final String EVENT = "Receipt";

    /** Copies the postings list (absent in JSON reads as empty). */
    public Receipt {
        postings = postings == null ? List.of() : List.copyOf(postings);
    }

    /**
     * The JSON member names, in order, for readers that check a payload member by member before trusting it (the
     * gateway's projection reads receipts other orgs' peers endorsed).
     */
    public static final class Fields {
        public static final String TYPE = "type";
        public static final String REQUEST_ID = "requestId";
        public static final String REQUEST_HASH = "requestHash";
        public static final String TX_ID = "txId";
        public static final String TIMESTAMP = "timestamp";
        public static final String PLATFORM_ID = "platformId";
        public static final String POSTINGS = "postings";
        public static final String RULES = "rules";
        public static final String DETAIL = "detail";

        private Fields() {}
    }
}
