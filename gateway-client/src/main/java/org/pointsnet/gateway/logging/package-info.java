/** Log hygiene: user ids masked in every structured log line. */
package org.pointsnet.gateway.logging;
