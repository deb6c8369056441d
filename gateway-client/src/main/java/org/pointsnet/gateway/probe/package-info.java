/**
 * Smoke-test endpoints under {@code /api/v1/probe}, present only with {@code pointsnet.probe.enabled=true} (never set
 * by test-network.sh) and then only for a token with {@code platform.admin}:
 * write a value, read it back through any org's gateway, see the chaincode events this gateway received. All of the
 * probe lives here and nothing else depends on it (an architecture test says so), so removing it is deleting this
 * package.
 */
package org.pointsnet.gateway.probe;
