/** Block event listener: committed blocks from the handler's resume position, their chaincode events, a ring. */
package org.pointsnet.gateway.events;
