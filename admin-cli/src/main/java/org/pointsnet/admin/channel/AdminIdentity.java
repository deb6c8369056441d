package org.pointsnet.admin.channel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.pointsnet.admin.network.RuntimeLayout;

/**
 * One org admin's identity for the peer CLI, from the admin environment its own machine rendered
 * ({@code platforms/<id>/admin.env}, or {@code orderer-org-admin.env} for the orderer org), and how to
 * reach the orderers ({@code orderer-admin.env}). Only that admin's own key is used.
 *
 * @param name       the platform id, or {@code orderer}
 * @param mspId      the org's MSP id
 * @param env        the peer CLI's environment (MSP folder, TLS, FABRIC_CFG_PATH)
 * @param orderers   every orderer's address, first one tried first
 * @param ordererTls the orderers' TLS CA certificate
 */
public record AdminIdentity(String name, String mspId, Map<String, String> env, List<String> orderers,
                            String ordererTls) {

    /** The name that selects the orderer org's admin. */
    public static final String ORDERER = "orderer";

    private static final Pattern SCALAR = Pattern.compile("([A-Z_][A-Z0-9_]*)='([^']*)'");
    private static final Pattern ARRAY = Pattern.compile("([A-Z_][A-Z0-9_]*)=\\((.*)\\)");
    private static final Pattern ITEM = Pattern.compile("'([^']*)'");

    /**
     * Loads the admin of {@code name} (a platform id or {@code orderer}) from a runtime folder.
     *
     * @throws ChannelConfigException if that org has no admin environment there (naming the ones there are)
     */
    public static AdminIdentity load(RuntimeLayout runtime, String name) {
        Path file = ORDERER.equals(name) ? runtime.ordererOrgAdminEnv() : runtime.platformAdminEnv(name);
        if (!Files.isRegularFile(file)) {
            throw new ChannelConfigException("no admin identity for '" + name + "' in " + runtime.root()
                + " (no " + file + "; known: " + String.join(", ", known(runtime)) + ")");
        }
        Map<String, String> env = new LinkedHashMap<>(read(file).scalars());
        Path ordererFile = runtime.root().resolve("orderer-admin.env");
        if (!Files.isRegularFile(ordererFile)) {
            throw new ChannelConfigException("no " + ordererFile + ": render the network first (network render)");
        }
        Values orderer = read(ordererFile);
        List<String> addresses = orderer.arrays().getOrDefault("PN_ORDERER_ADDRESSES",
            List.of(orderer.scalars().getOrDefault("PN_ORDERER_ADDRESS", "")));
        return new AdminIdentity(name, env.getOrDefault("CORE_PEER_LOCALMSPID", "?"), Map.copyOf(env),
            List.copyOf(addresses), orderer.scalars().get("PN_ORDERER_TLS_CA"));
    }

    /** The admins a runtime folder holds: every platform with an admin.env, and the orderer org. */
    static List<String> known(RuntimeLayout runtime) {
        List<String> names = new ArrayList<>();
        Path platforms = runtime.root().resolve("platforms");
        if (Files.isDirectory(platforms)) {
            try (Stream<Path> dirs = Files.list(platforms)) {
                dirs.filter(dir -> Files.isRegularFile(dir.resolve("admin.env")))
                    .map(dir -> dir.getFileName().toString()).sorted().forEach(names::add);
            } catch (IOException e) {
                // Only a hint in an error message.
            }
        }
        if (Files.isRegularFile(runtime.ordererOrgAdminEnv())) {
            names.add(ORDERER);
        }
        return names;
    }

    /** The scalars and bash arrays of an env file admin-cli rendered. */
    record Values(Map<String, String> scalars, Map<String, List<String>> arrays) {
    }

    static Values read(Path file) {
        Map<String, String> scalars = new LinkedHashMap<>();
        Map<String, List<String>> arrays = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher scalar = SCALAR.matcher(line);
                Matcher array = ARRAY.matcher(line);
                if (scalar.matches()) {
                    scalars.put(scalar.group(1), scalar.group(2));
                } else if (array.matches()) {
                    List<String> items = new ArrayList<>();
                    Matcher item = ITEM.matcher(array.group(2));
                    while (item.find()) {
                        items.add(item.group(1));
                    }
                    arrays.put(array.group(1), items);
                }
            }
        } catch (IOException e) {
            throw new ChannelConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Values(scalars, arrays);
    }
}
