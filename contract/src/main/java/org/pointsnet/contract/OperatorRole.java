package org.pointsnet.contract;

/**
 * The role that platform-admin functions (registration, rules, rates, catalog, settlement) require: a certificate
 * attribute that the org's CA puts into the identity its gateway signs those calls with ({@code Operator@<org>},
 * issued by {@code admin-cli crypto generate}), in Fabric CA's attribute extension. The org's {@code Admin@} identity
 * carries no such attribute: it stays the org's channel and lifecycle admin only.
 */
public final class OperatorRole {
    /** The attribute name, as Fabric's ClientIdentity.getAttributeValue reads it. */
    public static final String ATTRIBUTE = "pointsnet.role";
    /** The value that grants the role. */
    public static final String OPERATOR = "operator";
    /** Fabric CA's attribute extension: OID 1.2.3.4.5.6.7.8.1, value {@code {"attrs":{name:value,...}}} in JSON. */
    public static final String FABRIC_ATTRIBUTES_OID = "1.2.3.4.5.6.7.8.1";

    private OperatorRole() {}
}
