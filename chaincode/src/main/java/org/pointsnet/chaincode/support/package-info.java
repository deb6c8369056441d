/** Pieces every contract shares: error codes clients can map, and deterministic JSON. */
package org.pointsnet.chaincode.support;
