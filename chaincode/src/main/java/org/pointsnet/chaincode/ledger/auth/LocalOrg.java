package org.pointsnet.chaincode.ledger.auth;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.FORBIDDEN;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The organization that runs this chaincode server, and the platform ids it owns: configured by that organization's
 * own operator, so the genuine chaincode on a platform's peer can refuse anyone else's claim to the platform even
 * before the platform is registered (no ledger data yet says whose it is).
 *
 * @param mspId this peer's organization, or null when not configured (a test of contract logic)
 * @param ownPlatformIds the platform ids this organization owns
 */
public record LocalOrg(String mspId, Set<String> ownPlatformIds) {
    /** The peer's MSP id, as Fabric names it for the peer and the chaincode shim. */
    public static final String MSP_ID = "CORE_PEER_LOCALMSPID";
    /** Comma-separated platform ids this organization owns (rendered from the network spec). */
    public static final String OWN_PLATFORMS = "POINTSNET_OWN_PLATFORMS";

    /** Copies the set. */
    public LocalOrg {
        ownPlatformIds = Set.copyOf(ownPlatformIds);
    }

    /** Reads {@link #MSP_ID} and {@link #OWN_PLATFORMS}; both absent gives an org that owns nothing. */
    public static LocalOrg fromEnvironment(final Map<String, String> env) {
        final String list = env.getOrDefault(OWN_PLATFORMS, "");
        final Set<String> ids = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        final String msp = env.get(MSP_ID);
        return new LocalOrg(msp == null || msp.isBlank() ? null : msp.trim(), ids);
    }

    /**
     * Refuses a caller of another organization claiming one of this organization's platforms. Only this peer's
     * endorsement can write the platform's collection, so this check, on this peer, is what binds the id to its owner.
     */
    public void requireMayRegister(final String platformId, final Caller caller) {
        if (ownPlatformIds.contains(platformId) && !caller.mspId().equals(mspId)) {
            throw refusal(FORBIDDEN, "platform '" + platformId + "' belongs to " + mspId + ", whose peer this is; "
                    + caller.mspId() + " cannot register it");
        }
    }
}
