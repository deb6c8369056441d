package org.pointsnet.admin.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The ordering service organization and its orderer nodes. */
public record OrdererOrgSpec(String name, String mspId, String domain, List<OrdererNodeSpec> orderers) {

    public OrdererOrgSpec {
        // Unmodifiable, but null elements survive so validation can name them.
        orderers = orderers == null ? null : Collections.unmodifiableList(new ArrayList<>(orderers));
    }
}
