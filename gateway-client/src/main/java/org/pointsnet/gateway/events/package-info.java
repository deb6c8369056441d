/**
 * Block event listener: committed blocks from the handler's resume position, their chaincode events with the
 * endorsed proposal responses they came from, handed to the handler (the projection) and then to observers.
 */
package org.pointsnet.gateway.events;
