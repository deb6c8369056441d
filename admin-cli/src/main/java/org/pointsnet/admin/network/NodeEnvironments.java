package org.pointsnet.admin.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.pointsnet.admin.crypto.CryptoLayout;
import org.pointsnet.admin.spec.EndpointSpec;
import org.pointsnet.admin.spec.NetworkSpec;
import org.pointsnet.admin.spec.OrdererNodeSpec;
import org.pointsnet.admin.spec.OrdererOrgSpec;
import org.pointsnet.admin.spec.PeerSpec;
import org.pointsnet.admin.spec.PlatformOrgSpec;

/**
 * The environment of each process test-network.sh starts. Fabric reads the committed
 * network/core.yaml and network/orderer.yaml and takes every per-node value from these
 * variables (CORE_* for peers, ORDERER_* for orderers).
 */
final class NodeEnvironments {

    private static final String GATEWAY_USER = "User1";
    private static final String ADMIN_USER = "Admin";
    /** The gateway's identity for platform-admin calls: a client with the operator role, not the org's Admin. */
    private static final String OPERATOR_USER = "Operator";
    /** Database and role name of a gateway's PostgreSQL projection. */
    static final String PROJECTION_DATABASE = "pointsnet";
    /** {@code pointsnet.projection.reconcile-interval} of the rendered gateways. */
    static final String RECONCILE_INTERVAL = "5s";

    private final NetworkSpec spec;
    private final Path configDir;
    private final Path builderDir;
    private final RuntimeLayout runtime;
    private final CryptoLayout crypto;
    private final HostNamespaces namespaces;

    NodeEnvironments(NetworkSpec spec, Path repoRoot, RuntimeLayout runtime, CryptoLayout crypto) {
        this.spec = spec;
        this.configDir = repoRoot.resolve("network");
        this.builderDir = repoRoot.resolve("network").resolve("builders").resolve("ccaas");
        this.runtime = runtime;
        this.crypto = crypto;
        this.namespaces = new HostNamespaces(spec);
    }

    /**
     * PN_NETNS: the network namespace (the org's simulated host) test-network.sh and the tests start the process in;
     * nothing in loopback mode.
     */
    private EnvFile inHost(EnvFile env, String namespace) {
        return namespaces.enabled() ? env.put("PN_NETNS", namespace) : env;
    }

    /**
     * The host an operations endpoint binds to: its node's host, except with namespaces, where it is the org host's
     * own loopback (Fabric serves it without authentication; the network script asks it from inside the host).
     */
    private String operationsHost(String nodeHost) {
        return namespaces.enabled() ? "127.0.0.1" : nodeHost;
    }

    EnvFile orderer(OrdererNodeSpec node) {
        OrdererOrgSpec org = spec.ordererOrg();
        Path home = crypto.ordererNode(org, node);
        Path tls = home.resolve("tls");
        Path data = runtime.orderer(node.fqdn(org.domain())).resolve("data");
        String tlsCa = CryptoLayout.tlsCaCert(crypto.ordererOrg(org), org.domain()).toString();
        EnvFile env = new EnvFile()
            .put("FABRIC_CFG_PATH", configDir)
            .put("FABRIC_LOGGING_SPEC", "info:grpc=error")
            .put("ORDERER_GENERAL_LISTENADDRESS", Addresses.listenHost(node.host()))
            .put("ORDERER_GENERAL_LISTENPORT", node.port())
            .put("ORDERER_GENERAL_LOCALMSPID", org.mspId())
            .put("ORDERER_GENERAL_LOCALMSPDIR", home.resolve("msp"))
            .put("ORDERER_GENERAL_TLS_ENABLED", "true")
            .put("ORDERER_GENERAL_TLS_PRIVATEKEY", tls.resolve("server.key"))
            .put("ORDERER_GENERAL_TLS_CERTIFICATE", tls.resolve("server.crt"))
            .put("ORDERER_GENERAL_TLS_ROOTCAS", "[" + tls.resolve("ca.crt") + "]")
            .put("ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE", tls.resolve("server.crt"))
            .put("ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY", tls.resolve("server.key"))
            .put("ORDERER_GENERAL_CLUSTER_ROOTCAS", "[" + tls.resolve("ca.crt") + "]")
            .put("ORDERER_GENERAL_BOOTSTRAPMETHOD", "none")
            .put("ORDERER_CHANNELPARTICIPATION_ENABLED", "true")
            .put("ORDERER_ADMIN_LISTENADDRESS", Addresses.listen(node.host(), node.adminPort()))
            .put("ORDERER_ADMIN_TLS_ENABLED", "true")
            .put("ORDERER_ADMIN_TLS_CERTIFICATE", tls.resolve("server.crt"))
            .put("ORDERER_ADMIN_TLS_PRIVATEKEY", tls.resolve("server.key"))
            .put("ORDERER_ADMIN_TLS_ROOTCAS", "[" + tls.resolve("ca.crt") + "]")
            .put("ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED", "true")
            .put("ORDERER_ADMIN_TLS_CLIENTROOTCAS", "[" + tlsCa + "]")
            .put("ORDERER_FILELEDGER_LOCATION", data.resolve("ledger"))
            .put("ORDERER_CONSENSUS_WALDIR", data.resolve("etcdraft").resolve("wal"))
            .put("ORDERER_CONSENSUS_SNAPDIR", data.resolve("etcdraft").resolve("snapshot"))
            .put("ORDERER_OPERATIONS_LISTENADDRESS",
                Addresses.listen(operationsHost(node.host()), node.operationsPort()))
            .put("PN_NODE_ADDRESS", Addresses.dial(node.host(), node.port()));
        inHost(env, namespaces.ofOrderers());
        Path admin = CryptoLayout.userDir(crypto.ordererOrg(org), ADMIN_USER, org.domain()).resolve("tls");
        return operations(env, "ORDERER_OPERATIONS_TLS_", operationsHost(node.host()), node.operationsPort(), tls,
            tlsCa, admin);
    }

    /**
     * What the peer CLI and osnadmin need to reach the orderers: every orderer's address and admin address in spec
     * order ({@code PN_ORDERER_ADDRESSES}, {@code PN_ORDERER_ADMIN_ADDRESSES}; tools take the first one that answers,
     * so any orderer may be down), the first orderer's alone for older scripts, the TLS CA, and the admin client's
     * TLS pair (osnadmin uses mutual TLS).
     */
    EnvFile ordererAdmin() {
        OrdererOrgSpec org = spec.ordererOrg();
        OrdererNodeSpec node = org.orderers().get(0);
        Path adminTls = CryptoLayout.userDir(crypto.ordererOrg(org), ADMIN_USER, org.domain()).resolve("tls");
        List<String> addresses = new ArrayList<>();
        List<String> adminAddresses = new ArrayList<>();
        for (OrdererNodeSpec orderer : org.orderers()) {
            addresses.add(Addresses.dial(orderer.host(), orderer.port()));
            adminAddresses.add(Addresses.dial(orderer.host(), orderer.adminPort()));
        }
        return new EnvFile()
            .put("PN_ORDERER_ADDRESS", Addresses.dial(node.host(), node.port()))
            .put("PN_ORDERER_ADMIN_ADDRESS", Addresses.dial(node.host(), node.adminPort()))
            .putArray("PN_ORDERER_ADDRESSES", addresses)
            .putArray("PN_ORDERER_ADMIN_ADDRESSES", adminAddresses)
            .put("PN_ORDERER_TLS_CA", CryptoLayout.tlsCaCert(crypto.ordererOrg(org), org.domain()))
            .put("PN_ORDERER_ADMIN_CLIENT_CERT", adminTls.resolve("client.crt"))
            .put("PN_ORDERER_ADMIN_CLIENT_KEY", adminTls.resolve("client.key"));
    }

    /**
     * The org's peer number {@code index} (0: its main peer). Every peer of an org gossips with the org's other peers
     * first (bootstrap), pulls blocks from the orderers itself (core.yaml orgLeader), keeps its own ledger and uses
     * the org's one chaincode server (the same CCaaS package is installed on each).
     */
    EnvFile peer(PlatformOrgSpec org, int index) {
        PeerSpec peer = org.peers().get(index);
        Path home = crypto.peerNode(org, peer);
        Path tls = home.resolve("tls");
        Path data = runtime.platform(org.platformId()).resolve("peer-data" + PlatformOrgSpec.peerSuffix(index));
        String address = Addresses.dial(peer.host(), peer.port());
        List<String> bootstrap = new ArrayList<>();
        for (PeerSpec other : org.peers()) {
            if (other != peer) {
                bootstrap.add(Addresses.dial(other.host(), other.port()));
            }
        }
        EnvFile env = new EnvFile()
            .put("FABRIC_CFG_PATH", configDir)
            .put("FABRIC_LOGGING_SPEC", "info:gossip=warning:msp=warning:grpc=error")
            .put("CORE_PEER_ID", peer.fqdn(org.domain()))
            .put("CORE_PEER_ADDRESS", address)
            .put("CORE_PEER_LISTENADDRESS", Addresses.listen(peer.host(), peer.port()))
            .put("CORE_PEER_CHAINCODEADDRESS", Addresses.dial(peer.host(), peer.chaincodeListenPort()))
            .put("CORE_PEER_CHAINCODELISTENADDRESS", Addresses.listen(peer.host(), peer.chaincodeListenPort()))
            // A lone peer bootstraps from itself, as before; several know each other from the start.
            .put("CORE_PEER_GOSSIP_BOOTSTRAP", bootstrap.isEmpty() ? address : String.join(" ", bootstrap))
            .put("CORE_PEER_GOSSIP_EXTERNALENDPOINT", address)
            .put("CORE_PEER_LOCALMSPID", org.mspId())
            .put("CORE_PEER_MSPCONFIGPATH", home.resolve("msp"))
            .put("CORE_PEER_TLS_ENABLED", "true")
            .put("CORE_PEER_TLS_CERT_FILE", tls.resolve("server.crt"))
            .put("CORE_PEER_TLS_KEY_FILE", tls.resolve("server.key"))
            .put("CORE_PEER_TLS_ROOTCERT_FILE", tls.resolve("ca.crt"))
            .put("CORE_PEER_FILESYSTEMPATH", data)
            .put("CORE_LEDGER_SNAPSHOTS_ROOTDIR", data.resolve("snapshots"))
            .put("CORE_OPERATIONS_LISTENADDRESS", Addresses.listen(operationsHost(peer.host()), peer.operationsPort()))
            // Fabric turns this YAML string into the builder list; paths must be absolute.
            .put("CORE_CHAINCODE_EXTERNALBUILDERS", "[{name: pointsnet-ccaas, path: " + builderDir + "}]")
            .put("PN_NODE_ADDRESS", address)
            // How many peers the org runs (test-network.sh: peer-P, peer-P-2, ...).
            .put("PN_PEER_INSTANCES", org.peers().size());
        inHost(env, namespaces.of(org));
        Path orgDir = crypto.peerOrg(org);
        return operations(env, "CORE_OPERATIONS_TLS_", operationsHost(peer.host()), peer.operationsPort(), tls,
            CryptoLayout.tlsCaCert(orgDir, org.domain()).toString(),
            CryptoLayout.userDir(orgDir, ADMIN_USER, org.domain()).resolve("tls"));
    }

    /**
     * The operations endpoint (health, metrics, {@code PUT /logspec}) of a peer or orderer. Fabric serves it without
     * authentication over plain HTTP, so it stays plain only on loopback; a node bound to a routable interface serves
     * it over TLS with its own TLS pair and demands a client certificate from its org's TLS CA (the org admin's TLS
     * client pair: PN_HTTPS_CLIENT_*, which the network script presents).
     *
     * @param prefix {@code CORE_OPERATIONS_TLS_} or {@code ORDERER_OPERATIONS_TLS_}
     */
    private static EnvFile operations(EnvFile env, String prefix, String host, int port, Path nodeTls, String tlsCa,
                                      Path adminTls) {
        String dial = Addresses.dial(host, port);
        if (Addresses.isLoopback(Addresses.listenHost(host))) {
            return env.put("PN_HEALTH_URL", "http://" + dial + "/healthz");
        }
        boolean peer = prefix.startsWith("CORE_");
        return env
            .put(prefix + "ENABLED", "true")
            .put(prefix + (peer ? "CERT_FILE" : "CERTIFICATE"), nodeTls.resolve("server.crt"))
            .put(prefix + (peer ? "KEY_FILE" : "PRIVATEKEY"), nodeTls.resolve("server.key"))
            .put(prefix + "CLIENTAUTHREQUIRED", "true")
            .put(prefix + (peer ? "CLIENTROOTCAS_FILES" : "CLIENTROOTCAS"), "[" + tlsCa + "]")
            .put("PN_HEALTH_URL", "https://" + dial + "/healthz")
            .put("PN_HTTPS_CACERT", tlsCa)
            .put("PN_HTTPS_CLIENT_CERT", adminTls.resolve("client.crt"))
            .put("PN_HTTPS_CLIENT_KEY", adminTls.resolve("client.key"));
    }

    /** The org admin's identity for the peer CLI (channel join, chaincode lifecycle). */
    EnvFile peerAdmin(PlatformOrgSpec org) {
        Path orgDir = crypto.peerOrg(org);
        return new EnvFile()
            .put("FABRIC_CFG_PATH", configDir)
            // The CLI's gRPC connection chatter at info level buries its answers.
            .put("FABRIC_LOGGING_SPEC", "warning:chaincodeCmd=info:cli.lifecycle.chaincode=info")
            .put("CORE_PEER_LOCALMSPID", org.mspId())
            .put("CORE_PEER_MSPCONFIGPATH", CryptoLayout.userDir(orgDir, ADMIN_USER, org.domain()).resolve("msp"))
            .put("CORE_PEER_ADDRESS", Addresses.dial(org.peer().host(), org.peer().port()))
            .put("CORE_PEER_TLS_ENABLED", "true")
            .put("CORE_PEER_TLS_ROOTCERT_FILE", CryptoLayout.tlsCaCert(orgDir, org.domain()));
    }

    /**
     * The orderer org admin's identity for the peer CLI: it signs changes of the Orderer group (batch size and
     * timeout, consenters), whose mod_policy is the orderer org's Admins.
     */
    EnvFile ordererOrgAdmin() {
        OrdererOrgSpec org = spec.ordererOrg();
        Path orgDir = crypto.ordererOrg(org);
        return new EnvFile()
            .put("FABRIC_CFG_PATH", configDir)
            .put("FABRIC_LOGGING_SPEC", "warning")
            .put("CORE_PEER_LOCALMSPID", org.mspId())
            .put("CORE_PEER_MSPCONFIGPATH", CryptoLayout.userDir(orgDir, ADMIN_USER, org.domain()).resolve("msp"))
            .put("CORE_PEER_TLS_ENABLED", "true");
    }

    EnvFile chaincodeServer(PlatformOrgSpec org) {
        Path tls = crypto.chaincodeServerTls(org);
        EnvFile env = new EnvFile()
            // Whose peer this server serves and which platform ids that org owns: the genuine chaincode refuses any
            // other org's claim to them (chaincode LocalOrg), so these come from this org's own spec entry.
            .put("CORE_PEER_LOCALMSPID", org.mspId())
            .put("POINTSNET_OWN_PLATFORMS", org.platformId())
            .put("CHAINCODE_SERVER_ADDRESS",
                Addresses.listen(org.chaincodeServer().host(), org.chaincodeServer().port()))
            .put("CHAINCODE_TLS_KEY_FILE", tls.resolve("server.key"))
            .put("CHAINCODE_TLS_CERT_FILE", tls.resolve("server.crt"))
            // Only a client certificate from this org's TLS CA gets in: its peer's (connection.json client_cert).
            .put("CHAINCODE_CLIENT_CA_CERT", tls.resolve("ca.crt"))
            // The shim's router logs every invocation's function and arguments (user ids, amounts) at INFO.
            .put("CORE_CHAINCODE_LOGGING_LEVEL", "WARNING")
            .put("CORE_CHAINCODE_LOGGING_SHIM", "WARNING")
            .put("PN_NODE_ADDRESS", Addresses.dial(org.chaincodeServer().host(), org.chaincodeServer().port()));
        return inHost(env, namespaces.of(org));
    }

    /** Spring Boot binds these by relaxed names, e.g. POINTSNET_FABRIC_PEERENDPOINT. */
    EnvFile gateway(PlatformOrgSpec org) {
        Path orgDir = crypto.peerOrg(org);
        Path user = CryptoLayout.userDir(orgDir, GATEWAY_USER, org.domain());
        Path operator = CryptoLayout.userDir(orgDir, OPERATOR_USER, org.domain());
        Path tls = crypto.gatewayTls(org);
        String url = "https://" + Addresses.dial(org.gateway().host(), org.gateway().port());
        EnvFile env = new EnvFile()
            .put("SERVER_ADDRESS", Addresses.listenHost(org.gateway().host()))
            .put("SERVER_PORT", org.gateway().port())
            // HTTPS with the certificate the org's TLS CA issued for the gateway's host (crypto generate).
            .put("SERVER_SSL_ENABLED", "true")
            .put("SERVER_SSL_CERTIFICATE", "file:" + tls.resolve("server.crt"))
            .put("SERVER_SSL_CERTIFICATEPRIVATEKEY", "file:" + tls.resolve("server.key"))
            .put("POINTSNET_PLATFORMID", org.platformId())
            .put("POINTSNET_FABRIC_MSPID", org.mspId())
            .put("POINTSNET_FABRIC_PEERENDPOINT", Addresses.dial(org.peer().host(), org.peer().port()))
            .put("POINTSNET_FABRIC_PEERHOSTOVERRIDE", org.peerFqdn())
            // The org's other peers, tried in this order while the ones before them are unreachable (one gRPC
            // channel, pick_first); each TLS certificate is checked against its own peer's name.
            .put("POINTSNET_FABRIC_TLSCACERT", CryptoLayout.tlsCaCert(orgDir, org.domain()))
            .put("POINTSNET_FABRIC_CERTPATH", CryptoLayout.signCert(user))
            .put("POINTSNET_FABRIC_KEYPATH", CryptoLayout.keystoreKey(user))
            .put("POINTSNET_FABRIC_CHANNEL", spec.channel())
            .put("POINTSNET_FABRIC_CHAINCODE", spec.chaincode().name())
            // Platform admin endpoints (registration, rules, catalog, settlement) sign as the org's operator (a
            // client certificate with pointsnet.role=operator), never as the org's channel and lifecycle Admin.
            .put("POINTSNET_FABRIC_ADMINCERTPATH", CryptoLayout.signCert(operator))
            .put("POINTSNET_FABRIC_ADMINKEYPATH", CryptoLayout.keystoreKey(operator))
            .put("POINTSNET_OAUTH_ISSUER", url)
            .put("POINTSNET_OAUTH_SIGNINGKEYFILE", runtime.platform(org.platformId()).resolve("oauth-signing-key.json"))
            // The key locked quote ids are MACed with (created 0600 at first start, kept across restarts).
            .put("POINTSNET_QUOTES_KEYFILE", runtime.platform(org.platformId()).resolve("quote-key"))
            // Personal data at rest (AES-256-GCM keys and the blind-index key, created 0600 at first start).
            .put("POINTSNET_PRIVACY_KEYFILE", runtime.platform(org.platformId()).resolve("personal-data-keys"))
            // A second back-end client that must sign every request (RFC 9421); its public key is whatever the
            // platform's back end puts in this file (read again when it changes); its secret is in
            // gateway-secrets.env (test-network.sh).
            .put("POINTSNET_SIGNATURES_CLIENTS_0_CLIENTID", org.platformId() + "-signed-backend")
            .put("POINTSNET_SIGNATURES_CLIENTS_0_KEYID", org.platformId() + "-signed-backend-key")
            .put("POINTSNET_SIGNATURES_CLIENTS_0_PUBLICKEYFILE",
                runtime.platform(org.platformId()).resolve("signed-backend.pub.pem"))
            .put("PN_GATEWAY_URL", url)
            // What verifies the gateway's certificate (curl --cacert, status --json caCert).
            .put("PN_HTTPS_CACERT", CryptoLayout.tlsCaCert(orgDir, org.domain()))
            .put("PN_CLIENT_ID", org.platformId() + "-backend")
            .put("PN_HEALTH_URL", url + "/health/live");
        for (int i = 1; i < org.peers().size(); i++) {
            PeerSpec peer = org.peers().get(i);
            String key = "POINTSNET_FABRIC_FALLBACKPEERS_" + (i - 1) + "_";
            env.put(key + "ENDPOINT", Addresses.dial(peer.host(), peer.port()))
                .put(key + "HOSTOVERRIDE", peer.fqdn(org.domain()));
        }
        // The projection takes a platform's postings only with a genuine peer endorsement of the MSP that owns
        // the platform: every platform's id, MSP and root CA (its org MSP's cacerts), from the spec.
        for (int i = 0; i < spec.platformOrgs().size(); i++) {
            PlatformOrgSpec platform = spec.platformOrgs().get(i);
            String key = "POINTSNET_TRUST_PLATFORMS_" + i + "_";
            env.put(key + "PLATFORMID", platform.platformId())
                .put(key + "MSPID", platform.mspId())
                .put(key + "CACERTPATH", CryptoLayout.orgMsp(crypto.peerOrg(platform)).resolve("cacerts")
                    .resolve(CryptoLayout.caCertFile(platform.domain())));
        }
        if (org.balanced()) {
            // The instances share gateway.env (public URL, issuer, keys, database); each adds its own socket.
            env.put("PN_GATEWAY_INSTANCES", org.gateways().size())
                .put("PN_BALANCER_CONFIG", runtime.platform(org.platformId()).resolve(BalancerConfig.FILE))
                .put("PN_BALANCER_SOCKET", runtime.platform(org.platformId()).resolve(BalancerConfig.SOCKET));
        }
        // The org's gateways, its balancer and its PostgreSQL all run on the org's host.
        return projection(inHost(env, namespaces.of(org)), org);
    }

    /**
     * What instance {@code index} (1-based) of a balanced org's gateways adds to gateway.env: its own socket, and its
     * own URLs for direct calls and the liveness check.
     */
    EnvFile gatewayInstance(PlatformOrgSpec org, int index) {
        EndpointSpec instance = org.gateways().get(index - 1);
        String url = "https://" + Addresses.dial(instance.host(), instance.port());
        return new EnvFile()
            .put("SERVER_ADDRESS", Addresses.listenHost(instance.host()))
            .put("SERVER_PORT", instance.port())
            .put("PN_INSTANCE_URL", url)
            .put("PN_HEALTH_URL", url + "/health/live");
    }

    /**
     * The gateway's event projection: embedded H2 in the org's runtime folder, or the org's PostgreSQL (the
     * network script starts it from the PN_POSTGRES_* values; its password goes to gateway-secrets.env).
     */
    private EnvFile projection(EnvFile env, PlatformOrgSpec org) {
        Path dir = runtime.platform(org.platformId());
        // Reconciliation runs by itself every 5 s here (the gateway's default is 30 s): a local consortium is
        // idle most of the time, so a difference shows within seconds, and the fault tests wait for it.
        env.put("POINTSNET_PROJECTION_RECONCILEINTERVAL", RECONCILE_INTERVAL);
        EndpointSpec db = org.projectionDatabase().orElse(null);
        if (db == null) {
            return env.put("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + dir.resolve("projection").resolve("db"));
        }
        return env
            .put("SPRING_DATASOURCE_URL", "jdbc:postgresql://" + Addresses.dial(db.host(), db.port()) + "/"
                + PROJECTION_DATABASE)
            .put("SPRING_DATASOURCE_USERNAME", PROJECTION_DATABASE)
            .put("PN_POSTGRES_LISTEN", Addresses.listenHost(db.host()))
            .put("PN_POSTGRES_PORT", db.port())
            .put("PN_POSTGRES_DATA", dir.resolve("postgres"));
    }
}
