/** The network smoke-test contract "probe": one string value per key, and a ValueWritten event per write. */
package org.pointsnet.chaincode.probe;
