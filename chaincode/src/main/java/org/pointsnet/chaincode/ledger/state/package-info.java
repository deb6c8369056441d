/** Key layout and the transaction's view of state (reads through the stub, writes buffered until the end). */
package org.pointsnet.chaincode.ledger.state;
