/** Chaincode event listener: a background stream of the chaincode's events, checkpointed to a file, kept in a ring. */
package org.pointsnet.gateway.events;
