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
import org.pointsnet.contract.OperatorRole;

/**
 * The invoking client: its MSP id, the organizational units of its certificate subject and whether its certificate
 * carries the operator role. With Fabric NodeOUs the CA puts OU=admin or OU=client into every identity it issues; the
 * operator role is a certificate attribute ({@link OperatorRole}) the org's CA puts only into the identity its gateway
 * signs platform-admin calls with. This is the one place that decides who may call what.
 *
 * @param mspId the creator's MSP
 * @param units the subject's OU values, sorted
 * @param operator whether the certificate carries {@code pointsnet.role=operator}
 */
public record Caller(String mspId, Set<String> units, boolean operator) {
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
        final boolean operator = OperatorRole.OPERATOR.equals(identity.getAttributeValue(OperatorRole.ATTRIBUTE));
        return new Caller(identity.getMSPID(), Set.copyOf(units), operator);
    }

    /** True for an organization admin (NodeOU): may operate, but is not a platform admin without the role. */
    public boolean admin() {
        return units.contains(ADMIN);
    }

    /**
     * Refuses a caller without the operator role: platform-admin functions (registration, rules, rates, catalog,
     * settlement) need it. The org's channel and lifecycle admin (OU=admin) does not have it, so a key that can
     * change the channel cannot also change the platform's rules, and the other way round.
     */
    public void requireAdmin(final String action) {
        if (!operator) {
            throw refusal(FORBIDDEN, action + " needs the operator role (certificate attribute "
                    + OperatorRole.ATTRIBUTE + "=" + OperatorRole.OPERATOR + ") of " + mspId);
        }
    }

    /** Refuses a caller that is not a platform admin (operator role) of the platform's organization. */
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
