package org.pointsnet.gateway.fabric;

import java.util.List;

/**
 * A transaction could not be endorsed because the peer (or the chaincode server) of an org whose endorsement it
 * needs cannot be reached: nothing was submitted, and the same request can be sent again once that org is back.
 */
public final class PlatformUnavailableException extends LedgerException {

    private static final long serialVersionUID = 1L;

    private final List<String> mspIds;

    /**
     * @param mspIds the MSPs whose peers failed, as Fabric named them; empty when Fabric named none (discovery
     *               already left the org's peers out: "no combination of peers ... satisfy the endorsement policy")
     */
    public PlatformUnavailableException(final String message, final String transactionId, final List<String> mspIds,
                                        final Throwable cause) {
        super(message, transactionId, cause);
        this.mspIds = List.copyOf(mspIds);
    }

    public List<String> mspIds() {
        return mspIds;
    }
}
