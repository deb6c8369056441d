package org.pointsnet.chaincode.ledger.auth;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.FORBIDDEN;

import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.TreeSet;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.pointsnet.chaincode.ledger.model.Platform;

/**
 * The invoking client: its MSP id and the organizational units of its certificate subject. With Fabric NodeOUs the
 * CA puts OU=admin or OU=client into every identity it issues, so the OU is the role.
 *
 * @param mspId the creator's MSP
 * @param units the subject's OU values, sorted
 */
public record Caller(String mspId, Set<String> units) {
    /** NodeOU of an organization administrator. */
    public static final String ADMIN = "admin";
    /** NodeOU of an application client (the platform's gateway). */
    public static final String CLIENT = "client";

    /** Reads the creator of the transaction in {@code ctx}. */
    public static Caller of(final Context ctx) {
        final ClientIdentity identity = ctx.getClientIdentity();
        final X509Certificate cert = identity.getX509Certificate();
        final Set<String> units = new TreeSet<>();
        if (cert != null) {
            try {
                for (final Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName(X500Principal.RFC2253))
                        .getRdns()) {
                    if ("OU".equalsIgnoreCase(rdn.getType())) {
                        units.add(String.valueOf(rdn.getValue()));
                    }
                }
            } catch (InvalidNameException e) {
                throw refusal(FORBIDDEN, "the client certificate subject cannot be parsed");
            }
        }
        return new Caller(identity.getMSPID(), Set.copyOf(units));
    }

    /** True for an organization admin. */
    public boolean admin() {
        return units.contains(ADMIN);
    }

    /** Refuses a caller that is not an admin of its organization. */
    public void requireAdmin(final String action) {
        if (!admin()) {
            throw refusal(FORBIDDEN, action + " needs an admin identity (OU=admin) of " + mspId);
        }
    }

    /** Refuses a caller that is not an admin of the platform's organization. */
    public void requireAdminOf(final Platform platform, final String action) {
        requireMemberOf(platform, action);
        requireAdmin(action + " on platform '" + platform.platformId() + "'");
    }

    /** Refuses a caller that is not a client or admin of the platform's organization. */
    public void requireOperatorOf(final Platform platform, final String action) {
        requireMemberOf(platform, action);
        if (!admin() && !units.contains(CLIENT)) {
            throw refusal(FORBIDDEN, action + " on platform '" + platform.platformId()
                    + "' needs a client or admin identity of " + platform.mspId());
        }
    }

    private void requireMemberOf(final Platform platform, final String action) {
        if (!mspId.equals(platform.mspId())) {
            throw refusal(FORBIDDEN, action + ": a client of " + mspId + " may not act for platform '"
                    + platform.platformId() + "' (owned by " + platform.mspId() + ")");
        }
    }
}
