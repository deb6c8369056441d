/**
 * Block event listener: committed blocks from the handler's resume position, their chaincode events with the
 * endorsed proposal responses they came from, a ring.
 */
package org.pointsnet.gateway.events;
