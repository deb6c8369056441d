/**
 * Who is calling: MSP id, Fabric NodeOU and the operator role (a certificate attribute) from the creator
 * certificate, and the platform access rules.
 */
package org.pointsnet.chaincode.ledger.auth;
