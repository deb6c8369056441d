/** Values stored in the collections and returned to clients: records with a fixed JSON field order. */
package org.pointsnet.chaincode.ledger.model;
