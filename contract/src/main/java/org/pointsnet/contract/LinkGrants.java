package org.pointsnet.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The link grant's hash: the offering platform's gateway puts it on chain and the accepting platform's chaincode
 * recomputes it from the secret the person presents, so both must compute it the same way (docs/ledger.md,
 * "Identity links").
 */
public final class LinkGrants {

    private LinkGrants() {
    }

    /** Lower-case hex SHA-256 of the grant's UTF-8 bytes. */
    public static String hash(final String grant) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(grant.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
