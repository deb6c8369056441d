/** Strict parsing of the single JSON request argument every ledger function takes. */
package org.pointsnet.chaincode.ledger.request;
