package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One page of a user's history, newest first.
 *
 * @param userId the user
 * @param receipts the receipts as stored
 * @param nextCursor opaque cursor of the next page; absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"userId", "receipts", "nextCursor"})
public record HistoryPage(String userId, List<JsonNode> receipts, String nextCursor) {}
