package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A platform's users with points expired by a time ({@code expiry:GetDue}), for the expiry transaction to name.
 *
 * @param platformId the platform
 * @param dueBy the time the lots were judged against
 * @param users users and the points expired, by user id
 * @param nextAfterUserId where the next page starts, or null on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"platformId", "dueBy", "users", "nextAfterUserId"})
public record DueUsers(String platformId, String dueBy, List<DueUser> users, String nextAfterUserId) {
    /** Copies the list. */
    public DueUsers {
        users = List.copyOf(users);
    }

    /**
     * One user with points due.
     *
     * @param userId the user
     * @param amount points expired by {@code dueBy}
     */
    @JsonPropertyOrder({"userId", "amount"})
    public record DueUser(String userId, long amount) {}
}
