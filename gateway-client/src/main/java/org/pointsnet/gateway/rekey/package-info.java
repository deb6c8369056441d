/**
 * Key rotation of personal data at rest: after a new key is appended to the personal data key file and the gateway
 * restarted, {@link org.pointsnet.gateway.rekey.StaleKeyReseal} re-seals every value sealed under an older key.
 */
package org.pointsnet.gateway.rekey;
