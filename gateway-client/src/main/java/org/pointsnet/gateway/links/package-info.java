/**
 * Identity links: one person's accounts on two platforms, linked with both platforms' endorsements and the person's
 * consent on each side (docs/architecture.md, "Identity links and consent").
 */
package org.pointsnet.gateway.links;
