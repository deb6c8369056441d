/**
 * End users' identities on this gateway: the pseudonymous network user id of a platform's user
 * ({@link org.pointsnet.gateway.users.UserIds}) and the sign-in password a platform sets for them
 * ({@link org.pointsnet.gateway.users.UserCredentials}). The REST API issues both; the authorization server's login
 * page reads them.
 */
package org.pointsnet.gateway.users;
