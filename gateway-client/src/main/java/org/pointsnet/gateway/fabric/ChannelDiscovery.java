package org.pointsnet.gateway.fabric;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.protos.discovery.AuthInfo;
import org.hyperledger.fabric.protos.discovery.ConfigQuery;
import org.hyperledger.fabric.protos.discovery.DiscoveryGrpc;
import org.hyperledger.fabric.protos.discovery.Endpoint;
import org.hyperledger.fabric.protos.discovery.Endpoints;
import org.hyperledger.fabric.protos.discovery.Peer;
import org.hyperledger.fabric.protos.discovery.Peers;
import org.hyperledger.fabric.protos.discovery.PeerMembershipQuery;
import org.hyperledger.fabric.protos.discovery.Query;
import org.hyperledger.fabric.protos.discovery.QueryResult;
import org.hyperledger.fabric.protos.discovery.Request;
import org.hyperledger.fabric.protos.discovery.Response;
import org.hyperledger.fabric.protos.discovery.SignedRequest;
import org.hyperledger.fabric.protos.gossip.GossipMessage;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * Fabric's discovery service on this org's peer: which orgs have a live peer on the channel (the peer's gossip view,
 * the same view the peer's gateway plans endorsements from) and which orderers the channel configuration names.
 * One signed request with both queries; the peer answers only members of the channel.
 */
public final class ChannelDiscovery implements DiscoveryView.Source {

    private static final long DEADLINE_SECONDS = 3;

    private final DiscoveryGrpc.DiscoveryBlockingStub stub;
    private final SerializedIdentity identity;
    private final Signer signer;
    private final String channel;

    ChannelDiscovery(final ManagedChannel grpc, final Identity identity, final Signer signer, final String channel) {
        this.stub = DiscoveryGrpc.newBlockingStub(grpc);
        this.identity = SerializedIdentity.newBuilder()
            .setMspid(identity.getMspId())
            .setIdBytes(com.google.protobuf.ByteString.copyFrom(identity.getCredentials()))
            .build();
        this.signer = signer;
        this.channel = channel;
    }

    /**
     * Asks the peer now.
     *
     * @throws LedgerUnavailableException when the peer cannot be reached or refuses the query
     */
    @Override
    public DiscoveryView discover() {
        final Request request = Request.newBuilder()
            .setAuthentication(AuthInfo.newBuilder().setClientIdentity(identity.toByteString()))
            .addQueries(Query.newBuilder().setChannel(channel).setPeerQuery(PeerMembershipQuery.getDefaultInstance()))
            .addQueries(Query.newBuilder().setChannel(channel).setConfigQuery(ConfigQuery.getDefaultInstance()))
            .build();
        final byte[] payload = request.toByteArray();
        final Response response;
        try {
            final byte[] signature = signer.sign(Hash.SHA256.apply(payload));
            response = stub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).discover(SignedRequest.newBuilder()
                .setPayload(com.google.protobuf.ByteString.copyFrom(payload))
                .setSignature(com.google.protobuf.ByteString.copyFrom(signature))
                .build());
        } catch (GeneralSecurityException e) {
            throw new LedgerFailureException("discovery request could not be signed", null, e);
        } catch (StatusRuntimeException e) {
            throw new LedgerUnavailableException("discovery: " + e.getStatus(), null, false, e);
        }
        if (response.getResultsCount() != 2) {
            throw new LedgerFailureException("discovery answered " + response.getResultsCount()
                + " results to 2 queries", null, null);
        }
        return new DiscoveryView(peers(result(response, 0)), orderers(result(response, 1)));
    }

    private static QueryResult result(final Response response, final int index) {
        final QueryResult result = response.getResults(index);
        if (result.hasError()) {
            throw new LedgerUnavailableException("discovery: " + result.getError().getContent(), null, false, null);
        }
        return result;
    }

    private static Map<String, List<String>> peers(final QueryResult result) {
        final Map<String, List<String>> byMsp = new TreeMap<>();
        for (final Map.Entry<String, Peers> org : result.getMembers().getPeersByOrgMap().entrySet()) {
            final List<String> endpoints = new ArrayList<>();
            for (final Peer peer : org.getValue().getPeersList()) {
                endpoints.add(endpoint(peer));
            }
            if (!endpoints.isEmpty()) {
                byMsp.put(org.getKey(), List.copyOf(endpoints));
            }
        }
        return byMsp;
    }

    // The alive message carries the endpoint the peer announces; the local peer may announce none.
    private static String endpoint(final Peer peer) {
        try {
            final String endpoint = GossipMessage.parseFrom(peer.getMembershipInfo().getPayload()).getAliveMsg()
                .getMembership().getEndpoint();
            return endpoint.isEmpty() ? "(local peer)" : endpoint;
        } catch (InvalidProtocolBufferException e) {
            return "(unreadable endpoint)";
        }
    }

    private static List<String> orderers(final QueryResult result) {
        final List<String> orderers = new ArrayList<>();
        for (final Endpoints endpoints : new TreeMap<>(result.getConfigResult().getOrderersMap()).values()) {
            for (final Endpoint endpoint : endpoints.getEndpointList()) {
                orderers.add(endpoint.getHost() + ":" + endpoint.getPort());
            }
        }
        return List.copyOf(orderers);
    }
}
