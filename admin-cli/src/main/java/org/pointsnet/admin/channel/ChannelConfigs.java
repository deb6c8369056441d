package org.pointsnet.admin.channel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Channel configuration through Fabric's tools: fetch the latest config block from an orderer, compute a
 * config update between two configs (configtxlator compute_update), wrap it in a signable envelope, sign it
 * (peer channel signconfigtx), decode it, and submit it (peer channel update). JSON is the configtxlator form.
 */
public final class ChannelConfigs {

    /** HeaderType CONFIG_UPDATE: an envelope that carries a ConfigUpdateEnvelope. */
    private static final int CONFIG_UPDATE = 2;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final FabricTools tools;
    private final String channel;

    public ChannelConfigs(FabricTools tools, String channel) {
        this.tools = tools;
        this.channel = channel;
    }

    /** The channel's current configuration and the number of the block that holds it. */
    public record Fetched(long blockNumber, JsonNode config) {
    }

    /** Fetches the latest config block as {@code admin} (any member or the orderer org may read it). */
    public Fetched fetch(AdminIdentity admin) {
        return inTempDir(dir -> {
            Path block = dir.resolve("config_block.pb");
            ordered(admin, ordererArgs -> {
                List<String> args = new ArrayList<>(List.of("channel", "fetch", "config", block.toString(),
                    "-c", channel));
                args.addAll(ordererArgs);
                tools.run(admin.env(), "peer", args.toArray(String[]::new));
            });
            JsonNode decoded = decode(dir, block, "common.Block");
            JsonNode config = decoded.path("data").path("data").path(0).path("payload").path("data").path("config");
            if (config.isMissingNode()) {
                throw new ChannelConfigException("the block fetched from the orderer holds no channel config");
            }
            return new Fetched(decoded.path("header").path("number").asLong(), config);
        });
    }

    /**
     * Computes the update that turns {@code original} into {@code updated} and writes it, wrapped in an unsigned
     * CONFIG_UPDATE envelope, to {@code out}.
     *
     * @throws ChannelConfigException if the two configs do not differ
     */
    public void writeUpdate(JsonNode original, JsonNode updated, Path out) {
        inTempDir(dir -> {
            Path originalPb = encode(dir, original, "original", "common.Config");
            Path updatedPb = encode(dir, updated, "updated", "common.Config");
            Path update = dir.resolve("update.pb");
            tools.run(Map.of(), "configtxlator", "compute_update", "--channel_id", channel,
                "--original", originalPb.toString(), "--updated", updatedPb.toString(), "--output", update.toString());
            ObjectNode envelope = JSON.createObjectNode();
            ObjectNode payload = envelope.putObject("payload");
            payload.putObject("header").putObject("channel_header")
                .put("channel_id", channel).put("type", CONFIG_UPDATE);
            payload.putObject("data").set("config_update", decode(dir, update, "common.ConfigUpdate"));
            Path encoded = encode(dir, envelope, "envelope", "common.Envelope");
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.copy(encoded, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return null;
        });
    }

    /** A config update file as its signers see it: the channel, the update, and who signed it. */
    public record SignedUpdate(String channel, JsonNode update, List<String> signers) {
    }

    /** Decodes a config update file written by {@link #writeUpdate} (signed or not). */
    public SignedUpdate read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ChannelConfigException(file + ": no such config update file");
        }
        return inTempDir(dir -> {
            JsonNode envelope;
            try {
                envelope = decode(dir, file, "common.Envelope");
            } catch (ChannelConfigException e) {
                throw new ChannelConfigException(file + " is not a config update file (" + e.getMessage() + ")", e);
            }
            JsonNode data = envelope.path("payload").path("data");
            JsonNode update = data.path("config_update");
            String updateChannel = update.path("channel_id").asString("");
            if (update.isMissingNode() || updateChannel.isEmpty()) {
                throw new ChannelConfigException(file + " is not a config update file (no config_update in it)");
            }
            List<String> signers = new ArrayList<>();
            for (JsonNode signature : data.path("signatures")) {
                signers.add(signature.path("signature_header").path("creator").path("mspid").asString("?"));
            }
            return new SignedUpdate(updateChannel, update, List.copyOf(signers));
        });
    }

    /** {@link #read}, refusing a file that updates another channel than this one (signing it would be meaningless). */
    public SignedUpdate readForChannel(Path file) {
        SignedUpdate update = read(file);
        if (!update.channel().equals(channel)) {
            throw new ChannelConfigException(file + " updates channel '" + update.channel() + "', not '"
                + channel + "' of the spec");
        }
        return update;
    }

    /** Adds {@code admin}'s signature to the file, in place (peer channel signconfigtx). */
    public void sign(AdminIdentity admin, Path file) {
        tools.run(admin.env(), "peer", "channel", "signconfigtx", "-f", file.toString());
    }

    /**
     * Sends the update to the orderer as {@code admin} (peer channel update adds the submitter's signature).
     *
     * @throws ChannelConfigException of kind REFUSED carrying the orderer's refusal, UNAVAILABLE if no orderer could
     *                                take it
     */
    public void submit(AdminIdentity admin, Path file) {
        ordered(admin, ordererArgs -> {
            List<String> args = new ArrayList<>(List.of("channel", "update", "-f", file.toString(), "-c", channel));
            args.addAll(ordererArgs);
            try {
                tools.run(admin.env(), "peer", args.toArray(String[]::new));
            } catch (ChannelConfigException e) {
                // The orderer answered with a status: BAD_REQUEST or FORBIDDEN is its verdict on the update.
                if (e.getMessage().contains("got unexpected status: ") && !cannotServe(e.getMessage())) {
                    throw new ChannelConfigException(ChannelConfigException.Kind.REFUSED,
                        "the orderer refused the update: " + e.getMessage(), e);
                }
                throw e;
            }
        });
    }

    /**
     * Runs a call against the orderers in turn: the next one only when one cannot be reached or cannot serve the
     * channel now (no Raft leader, the channel not joined there), never after a verdict (a refusal is the channel's
     * verdict, not a reason to ask another orderer).
     *
     * @throws ChannelConfigException of kind UNAVAILABLE if no orderer could serve the call
     */
    private void ordered(AdminIdentity admin, OrdererCall call) {
        ChannelConfigException unreachable = null;
        for (String orderer : admin.orderers()) {
            try {
                call.run(List.of("-o", orderer, "--tls", "--cafile", admin.ordererTls()));
                return;
            } catch (ChannelConfigException e) {
                String message = e.getMessage();
                if (!message.contains("connection refused") && !message.contains("failed to create new connection")
                        && !message.contains("context deadline exceeded") && !cannotServe(message)) {
                    throw e;
                }
                unreachable = e;
            }
        }
        if (unreachable == null) {
            throw new ChannelConfigException("no orderer address in orderer-admin.env");
        }
        throw new ChannelConfigException(ChannelConfigException.Kind.UNAVAILABLE,
            "no orderer could serve '" + channel + "' now (" + admin.orderers().size() + " tried); the last said: "
                + unreachable.getMessage(), unreachable);
    }

    /** An orderer's answer that says it cannot serve the channel now, not a verdict on the request. */
    private static boolean cannotServe(String message) {
        return message.contains("SERVICE_UNAVAILABLE") || message.contains("NOT_FOUND");
    }

    private interface OrdererCall {
        void run(List<String> ordererArgs);
    }

    private JsonNode decode(Path dir, Path protobuf, String type) throws IOException {
        Path json = dir.resolve(protobuf.getFileName() + ".json");
        tools.run(Map.of(), "configtxlator", "proto_decode", "--input", protobuf.toString(), "--type", type,
            "--output", json.toString());
        return JSON.readTree(Files.readString(json, StandardCharsets.UTF_8));
    }

    private Path encode(Path dir, JsonNode node, String name, String type) throws IOException {
        Path json = dir.resolve(name + ".json");
        Path protobuf = dir.resolve(name + ".pb");
        Files.writeString(json, JSON.writeValueAsString(node), StandardCharsets.UTF_8);
        tools.run(Map.of(), "configtxlator", "proto_encode", "--input", json.toString(), "--type", type,
            "--output", protobuf.toString());
        return protobuf;
    }

    private interface InDir<T> {
        T apply(Path dir) throws IOException;
    }

    private static <T> T inTempDir(InDir<T> work) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("admin-cli-config");
            return work.apply(dir);
        } catch (IOException e) {
            throw new ChannelConfigException("channel config work files: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder; nothing secret is in it.
        }
    }
}
