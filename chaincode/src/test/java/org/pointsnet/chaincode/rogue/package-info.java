/**
 * A dishonest member's chaincode for the trust-model end-to-end tests (test tree only, never in chaincode.jar): the
 * genuine contracts plus {@link org.pointsnet.chaincode.rogue.RogueContract}, which writes anything anywhere.
 */
package org.pointsnet.chaincode.rogue;
