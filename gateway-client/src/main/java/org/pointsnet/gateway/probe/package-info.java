/**
 * Smoke-test endpoints under {@code /api/v1/probe}, present only with {@code pointsnet.probe.enabled=true}:
 * write a value, read it back through any org's gateway, see the chaincode events this gateway received.
 */
package org.pointsnet.gateway.probe;
