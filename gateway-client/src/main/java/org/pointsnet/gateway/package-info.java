/**
 * PointsNet REST gateway: one per member org, talking to that org's peer through the Fabric Gateway
 * service. Sub-packages: {@code config} (properties and their validation), {@code fabric} (connection,
 * identity, contract access), {@code events} (chaincode event listener), {@code projection} (SQL projection of
 * the events, reconciliation), {@code trust} (endorsement verification), {@code probe} (smoke-test
 * endpoints), {@code health} (liveness/readiness), {@code web} (error handling, problem+json).
 */
package org.pointsnet.gateway;
