/** Pure ledger arithmetic and rules (no stub): money, rates, fees, limits, shards, periods, identifiers. */
package org.pointsnet.chaincode.ledger.core;
