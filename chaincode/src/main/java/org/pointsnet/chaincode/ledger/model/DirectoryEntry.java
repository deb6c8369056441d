package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Public directory entry of a registered platform: lets anyone enumerate platforms (collections cannot be listed).
 *
 * @param platformId the platform
 * @param mspId its organization
 */
@JsonPropertyOrder({"platformId", "mspId"})
public record DirectoryEntry(String platformId, String mspId) {}
