/**
 * The REST API of /work/shared/API.md under {@code /api/v1}: thin controllers that validate every input before
 * the ledger is called, then call one chaincode function through {@link org.pointsnet.gateway.ledger.LedgerClient}.
 * The caller's platform comes from {@link org.pointsnet.gateway.security.CallerContext}.
 */
package org.pointsnet.gateway.api;
