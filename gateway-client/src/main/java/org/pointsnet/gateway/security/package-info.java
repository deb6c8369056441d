/** OAuth 2.0 for the gateway: the embedded authorization server, the resource server on /api/v1, scopes per call. */
package org.pointsnet.gateway.security;
