/**
 * Personal data at rest in the gateway's database: {@link org.pointsnet.gateway.privacy.PersonalDataCipher} seals
 * values with AES-256-GCM under rotating keys and computes keyed blind indexes for values looked up by equality;
 * {@link org.pointsnet.gateway.privacy.PersonalDataKeys} holds the keys from an owner-only key file.
 */
package org.pointsnet.gateway.privacy;
