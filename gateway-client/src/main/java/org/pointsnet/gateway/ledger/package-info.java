/**
 * The points chaincode as the REST API sees it: {@link org.pointsnet.gateway.ledger.LedgerClient} submits and
 * evaluates the chaincode's JSON functions (see docs/ledger.md), re-endorsing on read conflicts, and translates
 * Fabric failures into {@link org.pointsnet.gateway.fabric.LedgerException}s.
 */
package org.pointsnet.gateway.ledger;
