/**
 * Web error handling: every error is {@code application/problem+json} with type, title, status, detail and a
 * machine-readable {@code code}; nothing from gRPC, the peer or a stack trace reaches a client.
 */
package org.pointsnet.gateway.web;
