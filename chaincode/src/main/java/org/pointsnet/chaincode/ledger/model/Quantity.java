package org.pointsnet.chaincode.ledger.model;

/**
 * A stored count whose meaning the key gives: an account balance, a supply or fee delta, a shard's remaining stock or
 * used quota, a per-user counter.
 *
 * @param value the count
 */
public record Quantity(long value) {}
