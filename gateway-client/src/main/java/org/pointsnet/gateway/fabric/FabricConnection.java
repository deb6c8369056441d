package org.pointsnet.gateway.fabric;

import io.grpc.ChannelCredentials;
import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.config.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's one gRPC/TLS connection to its org's peer and the Fabric Gateway session over it, signing as
 * the configured client identity. Opening it reads and checks the PEM files but does not dial the peer: gRPC
 * connects lazily, so the gateway starts while the peer is still down and readiness says when it is usable. With
 * fallback peers the channel fails over between the org's peers by itself ({@link OrgPeers}).
 */
public final class FabricConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FabricConnection.class);

    // Deadlines per call kind, as the fabric-samples gateway clients use them. Commit status waits for a block
    // to be cut and validated, hence the longest one; the event stream has none (it is long-lived).
    static final long EVALUATE_SECONDS = 5;
    static final long ENDORSE_SECONDS = 15;
    static final long SUBMIT_SECONDS = 5;
    static final long COMMIT_STATUS_SECONDS = 60;

    private final ManagedChannel channel;
    private final Gateway gateway;
    private final Network network;
    private final Contract contract;
    private final Qscc qscc;
    private final String chaincodeName;
    private final Contract cscc;
    private final PeerInUse peerInUse;

    private FabricConnection(final ManagedChannel channel, final PeerInUse peerInUse, final Gateway gateway,
                             final String channelName, final String chaincodeName) {
        this.channel = channel;
        this.peerInUse = peerInUse;
        this.gateway = gateway;
        this.network = gateway.getNetwork(channelName);
        this.contract = network.getContract(chaincodeName);
        this.qscc = new Qscc(network.getContract("qscc"), channelName);
        this.chaincodeName = chaincodeName;
        this.cscc = network.getContract("cscc");
    }

    /**
     * Reads the identity, signer and TLS root, builds the gRPC channel and the Gateway.
     *
     * @throws InvalidConfigurationException when a PEM file does not parse or the key does not fit the certificate
     */
    public static FabricConnection open(final GatewaySettings.Fabric settings) {
        final X509Certificate tlsRoot = PemMaterial.certificate("pointsnet.fabric.tls-ca-cert", settings.tlsCaCert());
        final X509Certificate certificate = PemMaterial.certificate("pointsnet.fabric.cert-path", settings.certPath());
        final PrivateKey key = PemMaterial.privateKey("pointsnet.fabric.key-path", settings.keyPath());
        PemMaterial.requireMatchingPair("pointsnet.fabric.key-path", settings.keyPath(), key, certificate);

        final Identity identity = new X509Identity(settings.mspId(), certificate);
        final Signer signer = Signers.newPrivateKeySigner(key);
        final PeerInUse peerInUse = new PeerInUse();
        final ManagedChannel channel = openChannel(settings, peerInUse);
        final Gateway gateway = Gateway.newInstance()
            .identity(identity)
            .signer(signer)
            .hash(Hash.SHA256)
            .connection(channel)
            .evaluateOptions(options -> options.withDeadlineAfter(EVALUATE_SECONDS, TimeUnit.SECONDS))
            .endorseOptions(options -> options.withDeadlineAfter(ENDORSE_SECONDS, TimeUnit.SECONDS))
            .submitOptions(options -> options.withDeadlineAfter(SUBMIT_SECONDS, TimeUnit.SECONDS))
            .commitStatusOptions(options -> options.withDeadlineAfter(COMMIT_STATUS_SECONDS, TimeUnit.SECONDS))
            .connect();
        LOG.info("Fabric gateway session: {} {}, MSP {}, identity {}, channel '{}', chaincode '{}'",
            settings.fallbackPeers().isEmpty() ? "peer" : "peers in this order of preference",
            settings.peers().stream().map(p -> p.target() + " (TLS name " + p.tlsAuthority() + ")").toList(),
            settings.mspId(), certificate.getSubjectX500Principal().getName(), settings.channel(),
            settings.chaincode());
        return new FabricConnection(channel, peerInUse, gateway, settings.channel(), settings.chaincode());
    }

    private static ManagedChannel openChannel(final GatewaySettings.Fabric settings, final PeerInUse peerInUse) {
        final ChannelCredentials credentials;
        try {
            // Trust only the org's TLS CA, not the JVM's public roots.
            credentials = TlsChannelCredentials.newBuilder().trustManager(settings.tlsCaCert().toFile()).build();
        } catch (IOException e) {
            throw new InvalidConfigurationException("pointsnet.fabric.tls-ca-cert",
                "file " + settings.tlsCaCert() + " cannot be read: " + e.getMessage());
        }
        if (settings.fallbackPeers().isEmpty()) {
            return Grpc.newChannelBuilder(settings.peerTarget(), credentials)
                // The peer's certificate names its FQDN while we may dial it as localhost.
                .overrideAuthority(settings.tlsAuthority())
                .intercept(peerInUse)
                .build();
        }
        // Several peers of the org: one channel, pick_first over them in order (OrgPeers), each checked by its name.
        return Grpc.newChannelBuilder(OrgPeers.target(settings.peers()), credentials)
            .setNameResolverArg(OrgPeers.PEERS, settings.peers())
            .intercept(peerInUse)
            .build();
    }

    public Network network() {
        return network;
    }

    public Contract contract() {
        return contract;
    }

    /**
     * A transaction rebuilt from its serialized bytes ({@code Transaction.getBytes()}), as fabric-gateway's offline
     * signing flow does; submitting it sends that very envelope (same transaction id) to the ordering service.
     */
    public Transaction transaction(final byte[] bytes) {
        return gateway.newTransaction(bytes);
    }

    /** The channel's query system chaincode on this org's peer. */
    public Qscc qscc() {
        return qscc;
    }

    /** What this org's peer gateway reaches now: the given orgs' peers, the channel's orderers. */
    public NetworkProbe probe(final List<String> msps) {
        return new NetworkProbe(contract, cscc, network.getName(), msps);
    }

    public String chaincodeName() {
        return chaincodeName;
    }

    /** {@code host:port} of the org's peer that answered the last call; empty before the first answer. */
    public Optional<String> peerInUse() {
        return peerInUse.address();
    }

    /** The gRPC channel's state; {@code connect} asks an idle channel to start connecting. */
    public ConnectivityState channelState(final boolean connect) {
        return channel.getState(connect);
    }

    @Override
    public void close() {
        gateway.close();
        channel.shutdownNow();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("gRPC channel to the peer did not terminate within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
