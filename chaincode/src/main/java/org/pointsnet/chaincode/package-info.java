/** Chaincode server bootstrap: reads the environment and serves every contract in the jar to the peers. */
package org.pointsnet.chaincode;
