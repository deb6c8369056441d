/**
 * Signed requests (RFC 9421 HTTP Message Signatures with an RFC 9530 Content-Digest): a back end whose OAuth client is
 * configured under {@code pointsnet.signatures.clients} must sign every {@code /api/v1} request with its registered
 * key (Ed25519 or ECDSA P-256); {@link org.pointsnet.gateway.signatures.SignedRequestFilter} refuses anything else
 * with 401 {@code SIGNATURE_INVALID} before a controller runs.
 */
package org.pointsnet.gateway.signatures;
