package org.pointsnet.gateway.fabric;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;

/**
 * Which peer of the org the gateway's calls reach now: the remote address of the last call that reached a peer. With
 * several peers (OrgPeers) this is how readiness shows that the gateway failed over.
 */
final class PeerInUse implements ClientInterceptor {

    private volatile String address;

    /** {@code host:port} of the peer that last answered; empty before the first answer. */
    Optional<String> address() {
        return Optional.ofNullable(address);
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(final MethodDescriptor<Q, R> method, final CallOptions options,
                                                 final Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(final Listener<R> listener, final Metadata headers) {
                final ClientCall<Q, R> call = delegate();
                super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                    @Override
                    public void onHeaders(final Metadata answer) {
                        remember(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
                        super.onHeaders(answer);
                    }

                    // An error answer may come as trailers alone, without headers.
                    @Override
                    public void onClose(final Status status, final Metadata trailers) {
                        remember(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
                        super.onClose(status, trailers);
                    }
                }, headers);
            }
        };
    }

    private void remember(final SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet) {
            final String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            address = (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
    }
}
