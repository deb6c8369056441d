package org.pointsnet.gateway.ledger;

/** An admin function was called but {@code pointsnet.fabric.admin-cert-path}/{@code admin-key-path} are not set. */
public final class AdminIdentityMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AdminIdentityMissingException() {
        super("no admin identity configured (pointsnet.fabric.admin-cert-path, pointsnet.fabric.admin-key-path)");
    }
}
