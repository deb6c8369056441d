/** Gateway configuration: the {@code pointsnet.*} properties, their validation and the startup failure report. */
package org.pointsnet.gateway.config;
