package org.pointsnet.gateway.consent;

/** What a person consents to. The first two concern one other platform, named with the consent. */
public enum ConsentPurpose {
    /** Link this platform's account with the person's account on the named platform. */
    LINK_ACCOUNTS(true),
    /** Let the named (linked) platform read the person's balances on this platform. */
    SHARE_BALANCES(true),
    /** Use the person's activity on this platform for analytics. */
    ANALYTICS(false);

    private final boolean needsPlatform;

    ConsentPurpose(final boolean needsPlatform) {
        this.needsPlatform = needsPlatform;
    }

    /** Whether a consent for this purpose names another platform. */
    public boolean needsPlatform() {
        return needsPlatform;
    }
}
