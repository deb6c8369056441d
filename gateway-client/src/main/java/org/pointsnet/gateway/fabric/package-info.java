/**
 * Fabric access: the gRPC/TLS connection to the org's peer, the signing identity, qscc, readiness and the
 * translation of Fabric Gateway errors into {@link org.pointsnet.gateway.fabric.LedgerException}s.
 */
package org.pointsnet.gateway.fabric;
