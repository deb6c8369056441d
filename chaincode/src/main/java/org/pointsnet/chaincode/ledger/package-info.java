/**
 * The points ledger (docs/ledger.md): platforms, accounts, conversions, rewards and settlement, one contract per area.
 */
package org.pointsnet.chaincode.ledger;
