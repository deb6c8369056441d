package org.pointsnet.gateway.fabric;

import io.grpc.Attributes;
import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;
import io.grpc.Status;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.pointsnet.gateway.config.GatewaySettings;

/**
 * Several peers of one org behind one gRPC channel: a name resolver that hands gRPC's default {@code pick_first}
 * policy one address group per peer, in the configured order. pick_first connects to the first peer that accepts, keeps
 * every call on it while it lives, and when it goes away connects to the next one that answers; calls made meanwhile
 * wait for the new connection instead of failing. Each group carries its own peer's TLS name
 * ({@link EquivalentAddressGroup#ATTR_AUTHORITY_OVERRIDE}), so every peer's certificate is checked against the name it
 * was issued for, as with a single peer.
 */
final class OrgPeers extends NameResolver {

    /** The channel target's scheme; the peers themselves travel as a name resolver argument. */
    static final String SCHEME = "pointsnet-peers";
    static final NameResolver.Args.Key<List<GatewaySettings.PeerAddress>> PEERS =
        NameResolver.Args.Key.create("pointsnet-org-peers");

    private static boolean registered;

    private final List<GatewaySettings.PeerAddress> peers;
    private Listener2 listener;

    OrgPeers(final List<GatewaySettings.PeerAddress> peers) {
        this.peers = List.copyOf(peers);
    }

    /** The target of a channel over {@code peers}: its authority is the first peer's TLS name. */
    static synchronized String target(final List<GatewaySettings.PeerAddress> peers) {
        if (!registered) {
            NameResolverRegistry.getDefaultRegistry().register(new Provider());
            registered = true;
        }
        return SCHEME + ":///" + peers.get(0).tlsAuthority();
    }

    @Override
    public String getServiceAuthority() {
        return peers.get(0).tlsAuthority();
    }

    @Override
    public void start(final Listener2 resultListener) {
        this.listener = resultListener;
        resolve();
    }

    /** pick_first asks again after the connected peer went away: host names are looked up anew. */
    @Override
    public void refresh() {
        resolve();
    }

    @Override
    public void shutdown() {
        // Nothing held: every resolution is done in full when asked.
    }

    private void resolve() {
        final List<EquivalentAddressGroup> groups = groups(peers);
        if (groups.isEmpty()) {
            listener.onError(Status.UNAVAILABLE.withDescription("no address for any peer of the org: " + peers));
        } else {
            listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).build());
        }
    }

    /** One group per peer whose host resolves (all its addresses), in the configured order. */
    static List<EquivalentAddressGroup> groups(final List<GatewaySettings.PeerAddress> peers) {
        final List<EquivalentAddressGroup> groups = new ArrayList<>();
        for (final GatewaySettings.PeerAddress peer : peers) {
            final List<SocketAddress> addresses = new ArrayList<>();
            try {
                for (final InetAddress address : InetAddress.getAllByName(peer.host())) {
                    addresses.add(new InetSocketAddress(address, peer.port()));
                }
            } catch (UnknownHostException e) {
                continue; // this peer's name does not resolve now; the others may still serve
            }
            groups.add(new EquivalentAddressGroup(addresses, Attributes.newBuilder()
                .set(EquivalentAddressGroup.ATTR_AUTHORITY_OVERRIDE, peer.tlsAuthority())
                .build()));
        }
        return groups;
    }

    /** Creates the resolver for channels built with {@link #target} and the {@link #PEERS} argument. */
    private static final class Provider extends NameResolverProvider {

        @Override
        public NameResolver newNameResolver(final URI targetUri, final Args args) {
            final List<GatewaySettings.PeerAddress> peers = args.getArg(PEERS);
            return SCHEME.equals(targetUri.getScheme()) && peers != null && !peers.isEmpty()
                ? new OrgPeers(peers) : null;
        }

        @Override
        public String getDefaultScheme() {
            return SCHEME;
        }

        @Override
        protected boolean isAvailable() {
            return true;
        }

        /** Below DNS's 5: the registry's default scheme (targets written without one) stays DNS. */
        @Override
        protected int priority() {
            return 1;
        }
    }
}
