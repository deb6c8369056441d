/** Building blocks of a ledger transaction: caller and state, accounts, receipts with idempotency and the event. */
package org.pointsnet.chaincode.ledger.tx;
