/** The event projection in SQL (H2 or PostgreSQL), the listener's lag, and reconciliation with the ledger. */
package org.pointsnet.gateway.projection;
