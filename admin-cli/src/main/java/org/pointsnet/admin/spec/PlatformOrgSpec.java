package org.pointsnet.admin.spec;

/** A loyalty platform's organization: one peer, its chaincode server and its REST gateway. */
public record PlatformOrgSpec(String name, String platformId, String mspId, String domain, PeerSpec peer,
                              EndpointSpec chaincodeServer, EndpointSpec gateway) {

    /** The peer's fully qualified name, e.g. {@code peer0.platform-a.pointsnet.local}. */
    public String peerFqdn() {
        return peer.name() + "." + domain;
    }
}
