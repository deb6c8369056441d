/**
 * The contract between the points chaincode and the gateways, written once:
 * {@link org.pointsnet.contract.LedgerFunction} names every chaincode function,
 * {@link org.pointsnet.contract.LedgerRequest} its argument, {@link org.pointsnet.contract.ErrorCode} every refusal and
 * its wire format, {@link org.pointsnet.contract.Receipt} the one event of a mutating transaction,
 * {@link org.pointsnet.contract.Limits} the validation limits both sides enforce.
 */
package org.pointsnet.contract;
