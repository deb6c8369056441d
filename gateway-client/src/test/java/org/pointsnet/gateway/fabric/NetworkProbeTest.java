package org.pointsnet.gateway.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.OrdererAddresses;
import org.junit.jupiter.api.Test;

class NetworkProbeTest {

    private static ConfigValue addresses(final String... addresses) {
        return ConfigValue.newBuilder()
            .setValue(OrdererAddresses.newBuilder().addAllAddresses(List.of(addresses)).build().toByteString())
            .build();
    }

    @Test
    void ordererEndpointsAreEachOrdererOrgsEndpoints() throws Exception {
        final Config config = Config.newBuilder().setChannelGroup(ConfigGroup.newBuilder()
            .putGroups("Orderer", ConfigGroup.newBuilder()
                .putGroups("OrdererOrg", ConfigGroup.newBuilder()
                    .putValues("Endpoints", addresses("127.0.0.1:7050", "127.0.0.1:7060", "127.0.0.1:7070"))
                    .build())
                .build())
            .putValues("OrdererAddresses", addresses("legacy:7050"))
            .build()).build();

        assertEquals(List.of("127.0.0.1:7050", "127.0.0.1:7060", "127.0.0.1:7070"),
            NetworkProbe.ordererEndpoints(config));
    }

    @Test
    void withoutOrgEndpointsTheChannelWideAddressesCount() throws Exception {
        final Config config = Config.newBuilder().setChannelGroup(ConfigGroup.newBuilder()
            .putGroups("Orderer", ConfigGroup.newBuilder().putGroups("OrdererOrg", ConfigGroup.getDefaultInstance())
                .build())
            .putValues("OrdererAddresses", addresses("orderer.example.com:7050"))
            .build()).build();

        assertEquals(List.of("orderer.example.com:7050"), NetworkProbe.ordererEndpoints(config));
        assertEquals(List.of(), NetworkProbe.ordererEndpoints(Config.getDefaultInstance()));
    }
}
