/** A person's consents (identity links, sharing balances, analytics): kept off chain, their digests on chain. */
package org.pointsnet.gateway.consent;
