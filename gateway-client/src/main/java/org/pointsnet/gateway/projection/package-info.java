/**
 * The event projection in SQL (H2 or PostgreSQL): receipts taken only when well-formed and endorsed by the peers of
 * every platform they concern (the others set aside in {@code projection_set_aside}), the listener's lag, and
 * reconciliation with the ledger.
 */
package org.pointsnet.gateway.projection;
