package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What expires when for one user ({@code expiry:GetLots}).
 *
 * @param userId the user
 * @param at the query's time, against which {@code expired} and {@code spendable} are judged
 * @param platforms the platforms where the user has an account
 */
@JsonPropertyOrder({"userId", "at", "platforms"})
public record UserLots(String userId, String at, List<PlatformLots> platforms) {
    /** Copies the list. */
    public UserLots {
        platforms = List.copyOf(platforms);
    }
}
