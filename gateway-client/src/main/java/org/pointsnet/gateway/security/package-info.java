/** OAuth 2.0 for the gateway: which scope each /api/v1 call needs (more to come: authorization and resource server). */
package org.pointsnet.gateway.security;
