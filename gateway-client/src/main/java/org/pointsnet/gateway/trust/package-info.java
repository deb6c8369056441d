/**
 * Endorsement verification: which MSP owns which platform, each MSP's root CAs, and whether an endorsement in a
 * committed transaction is a genuine peer endorsement of that MSP. Depends only on {@code config}.
 */
package org.pointsnet.gateway.trust;
