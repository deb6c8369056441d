/** Who is calling: MSP id and Fabric NodeOU role from the creator certificate, and the platform access rules. */
package org.pointsnet.chaincode.ledger.auth;
