package org.pointsnet.gateway.fabric;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.OrdererAddresses;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * What this org's peer gateway can reach now, asked through it: for each configured org, an evaluate of
 * {@code platform:List} targeted at that org (Fabric's gateway picks one of its live peers from discovery and runs the
 * chaincode there; a coded chaincode answer counts as alive), and the orderer endpoints of the channel configuration
 * ({@code cscc GetChannelConfig}). Needs no other credentials than the gateway's own identity.
 */
public final class NetworkProbe implements DiscoveryView.Source {

    /*
     * Never shorter than a real endorsement's deadline. When a call's deadline expires while the peer's gateway waits
     * on another org's peer, Fabric 3.1.5 treats that peer as broken: responseStatus (internal/pkg/gateway/
     * apiutils.go) answers remove=true for an error without a proposal response, and evaluate.go calls
     * registry.removeEndorser, which closes the peer gateway's one connection to that peer and so cancels every
     * endorsement in flight on it ("grpc: the client connection is closing"). With 3 s, the balancer's readiness
     * checks did exactly that to 45 of 200 concurrent conversions in CI while platform-b's peer was busy.
     */
    private static final long DEADLINE_SECONDS = FabricConnection.ENDORSE_SECONDS;
    private static final String NO_ARGUMENTS = JsonMapper.shared().writeValueAsString(new LedgerRequest.NoArguments());
    private static final String ORDERER_GROUP = "Orderer";
    private static final String ENDPOINTS = "Endpoints";
    private static final String ORDERER_ADDRESSES = "OrdererAddresses";

    private final Contract chaincode;
    private final Contract cscc;
    private final String channel;
    private final List<String> msps;

    /**
     * @param chaincode the points chaincode
     * @param cscc      the configuration system chaincode of the channel
     * @param msps      every org to probe, in configuration order
     */
    public NetworkProbe(final Contract chaincode, final Contract cscc, final String channel, final List<String> msps) {
        this.chaincode = chaincode;
        this.cscc = cscc;
        this.channel = channel;
        this.msps = List.copyOf(msps);
    }

    /** @throws LedgerUnavailableException when no org answers at all (this org's peer is down, then) */
    @Override
    public DiscoveryView discover() {
        final Map<String, List<String>> live = new LinkedHashMap<>();
        for (final String msp : msps) {
            if (answers(msp)) {
                live.put(msp, List.of("live"));
            }
        }
        if (live.isEmpty()) {
            throw new LedgerUnavailableException("no org's peer answers through this org's peer", null, false, null);
        }
        return new DiscoveryView(live, orderers());
    }

    private boolean answers(final String msp) {
        try {
            chaincode.newProposal(LedgerFunction.LIST_PLATFORMS.qualifiedName())
                .addArguments(NO_ARGUMENTS)
                .setEndorsingOrganizations(msp)
                .build()
                .evaluate(options -> options.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS));
            return true;
        } catch (GatewayException e) {
            return FabricErrors.chaincodeError(e.getStatus(), e.getDetails()).isPresent();
        }
    }

    /** The orderer endpoints of the channel configuration; empty when it cannot be read. */
    private List<String> orderers() {
        try {
            return ordererEndpoints(Config.parseFrom(cscc.evaluateTransaction("GetChannelConfig", channel)));
        } catch (GatewayException | InvalidProtocolBufferException e) {
            return List.of();
        }
    }

    /** Each orderer org's {@code Endpoints} (Fabric 2+), else the channel-wide {@code OrdererAddresses}. */
    static List<String> ordererEndpoints(final Config config) throws InvalidProtocolBufferException {
        final List<String> endpoints = new ArrayList<>();
        final ConfigGroup orderer = config.getChannelGroup().getGroupsMap().get(ORDERER_GROUP);
        if (orderer != null) {
            for (final ConfigGroup org : new TreeMap<>(orderer.getGroupsMap()).values()) {
                final ConfigValue value = org.getValuesMap().get(ENDPOINTS);
                if (value != null) {
                    endpoints.addAll(OrdererAddresses.parseFrom(value.getValue()).getAddressesList());
                }
            }
        }
        if (endpoints.isEmpty()) {
            final ConfigValue global = config.getChannelGroup().getValuesMap().get(ORDERER_ADDRESSES);
            if (global != null) {
                endpoints.addAll(OrdererAddresses.parseFrom(global.getValue()).getAddressesList());
            }
        }
        return List.copyOf(endpoints);
    }
}
