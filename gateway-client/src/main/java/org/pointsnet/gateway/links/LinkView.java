package org.pointsnet.gateway.links;

/**
 * A user's link with one other platform, as {@code link:Get} answers it.
 *
 * @param platformId       the other platform
 * @param linkedUserId     the person's pseudonymous id there (never shown to anyone but the two gateways)
 * @param since            when the link was made
 * @param shared           whether this side shares the user's balances with the other
 * @param sharedWithUs     whether the other side shares its user's balances with this platform
 */
public record LinkView(String platformId, String linkedUserId, String since, boolean shared, boolean sharedWithUs) {
}
