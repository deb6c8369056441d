package org.pointsnet.admin.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A certificate and the private key of the public key it certifies. */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey) {
}
