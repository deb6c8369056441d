/** Liveness and readiness endpoints for the network script and process supervisors. */
package org.pointsnet.gateway.health;
