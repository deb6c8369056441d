package org.pointsnet.admin.channel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Raft consenter changes of a channel config (configtxlator JSON), each on a copy: the consenter set in the Orderer
 * group's ConsensusType metadata, and the orderer org's Endpoints (where peers and clients reach the ordering
 * service) kept consistent with it. One consenter change per update: Raft reconfigures one member at a time.
 */
public final class ConsenterEdits {

    private static final String RAFT = "etcdraft";

    private ConsenterEdits() {
    }

    /**
     * A Raft consenter: where it listens for cluster and client traffic, and its TLS certificate (PEM), which
     * configtxgen uses as both client and server certificate.
     */
    public record Consenter(String host, int port, String tlsCertPem) {

        /** {@code host:port}, as the config and the Endpoints list it. */
        public String address() {
            return host + ":" + port;
        }
    }

    /** The consenters' addresses ({@code host:port}) in the config's order. */
    public static List<String> addresses(JsonNode config) {
        List<String> addresses = new ArrayList<>();
        for (JsonNode consenter : consenters(config)) {
            addresses.add(consenter.path("host").asString("") + ":" + consenter.path("port").asInt());
        }
        return addresses;
    }

    /**
     * The config without the consenter at {@code address}, and without that address in any orderer org's Endpoints.
     *
     * @throws ChannelConfigException if no consenter has that address, or it is the last one
     */
    public static JsonNode remove(JsonNode config, String address) {
        ObjectNode copy = (ObjectNode) config.deepCopy();
        ArrayNode consenters = consenters(copy);
        List<String> before = addresses(copy);
        int index = before.indexOf(address);
        if (index < 0) {
            throw new ChannelConfigException(address + " is not a consenter of the channel (consenters: "
                + String.join(", ", before) + ")");
        }
        if (before.size() == 1) {
            throw new ChannelConfigException(address + " is the channel's last consenter: add another one first");
        }
        consenters.remove(index);
        JsonNode orgs = ordererGroup(copy).path("groups");
        for (String org : orgs.propertyNames()) {
            JsonNode endpoints = orgs.path(org).path("values").path("Endpoints").path("value").path("addresses");
            if (endpoints instanceof ArrayNode list) {
                for (int i = list.size() - 1; i >= 0; i--) {
                    if (address.equals(list.get(i).asString(""))) {
                        list.remove(i);
                    }
                }
            }
        }
        return copy;
    }

    /**
     * The config with {@code consenter} added to the consenter set and its address to {@code ordererOrg}'s Endpoints.
     *
     * @throws ChannelConfigException if it is a consenter already, or the channel has no such orderer org
     */
    public static JsonNode add(JsonNode config, String ordererOrg, Consenter consenter) {
        ObjectNode copy = (ObjectNode) config.deepCopy();
        ArrayNode consenters = consenters(copy);
        if (addresses(copy).contains(consenter.address())) {
            throw new ChannelConfigException(consenter.address() + " is a consenter of the channel already");
        }
        String cert = Base64.getEncoder().encodeToString(consenter.tlsCertPem().getBytes(StandardCharsets.UTF_8));
        consenters.addObject().put("client_tls_cert", cert).put("host", consenter.host())
            .put("port", consenter.port()).put("server_tls_cert", cert);
        JsonNode org = ordererGroup(copy).path("groups").path(ordererOrg);
        if (org.isMissingNode()) {
            throw new ChannelConfigException("the channel has no orderer org named " + ordererOrg + " (orderer orgs: "
                + String.join(", ", ordererGroup(copy).path("groups").propertyNames()) + ")");
        }
        JsonNode endpoints = org.path("values").path("Endpoints").path("value").path("addresses");
        if (endpoints instanceof ArrayNode list && list.valueStream().noneMatch(
                existing -> existing.asString("").equals(consenter.address()))) {
            list.add(consenter.address());
        }
        return copy;
    }

    /**
     * A consenter's TLS certificate file, checked to hold one X.509 certificate in PEM before it goes into an update.
     *
     * @throws ChannelConfigException if the file is missing or holds no certificate
     */
    public static String readTlsCert(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ChannelConfigException(file + ": no such TLS certificate file");
        }
        try {
            String pem = Files.readString(file, StandardCharsets.UTF_8);
            if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
                throw new ChannelConfigException(file + " is not a PEM certificate");
            }
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
            return pem;
        } catch (IOException | CertificateException e) {
            throw new ChannelConfigException(file + " is not a readable X.509 certificate: " + e.getMessage(), e);
        }
    }

    private static JsonNode ordererGroup(JsonNode config) {
        return config.path("channel_group").path("groups").path("Orderer");
    }

    private static ArrayNode consenters(JsonNode config) {
        JsonNode consensus = ordererGroup(config).path("values").path("ConsensusType").path("value");
        String type = consensus.path("type").asString("");
        JsonNode consenters = consensus.path("metadata").path("consenters");
        if (!RAFT.equals(type) || !(consenters instanceof ArrayNode list)) {
            throw new ChannelConfigException("the channel's consensus type is '" + type
                + "': consenters can be changed for Raft (" + RAFT + ") only");
        }
        return list;
    }
}
