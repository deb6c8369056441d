/**
 * Fabric access: the gRPC/TLS connection to the org's peer, the signing identity, the contract calls and
 * the translation of Fabric Gateway errors into {@link org.pointsnet.gateway.fabric.LedgerException}s.
 * Nothing outside this package touches fabric-gateway or gRPC types except the event listener.
 */
package org.pointsnet.gateway.fabric;
