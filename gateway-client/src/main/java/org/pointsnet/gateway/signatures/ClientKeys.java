package org.pointsnet.gateway.signatures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clients that must sign, and their registered public keys: each read from its PEM file ({@code -----BEGIN PUBLIC
 * KEY-----}, Ed25519 or EC P-256) and read again when the file's modification time changes, so an operator replaces a
 * back end's key without restarting the gateway. A missing or unreadable file means no key: the client's requests
 * are refused.
 */
public final class ClientKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ClientKeys.class);

    /** A client's registered key as last read (key null: none readable). */
    private record Loaded(FileTime modified, PublicKey key) {
    }

    private final Map<String, SignatureProperties.Client> clients;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    public ClientKeys(final SignatureProperties properties) {
        final Map<String, SignatureProperties.Client> byId = new ConcurrentHashMap<>();
        for (final SignatureProperties.Client client : properties.clients()) {
            if (client.clientId() == null || client.clientId().isBlank() || client.keyId() == null
                || client.publicKeyFile() == null) {
                throw new IllegalStateException("pointsnet.signatures.clients[i] needs client-id, key-id and "
                    + "public-key-file");
            }
            byId.put(client.clientId(), client);
        }
        this.clients = Map.copyOf(byId);
    }

    /** The client's configuration when it must sign. */
    public Optional<SignatureProperties.Client> required(final String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }

    /** The client's current public key, or null when its file is missing or not a usable key. */
    public PublicKey key(final SignatureProperties.Client client) {
        final Path file = Path.of(client.publicKeyFile());
        final FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
        final Loaded cached = loaded.get(client.clientId());
        if (cached != null && cached.modified().equals(modified)) {
            return cached.key();
        }
        final PublicKey key = read(file);
        loaded.put(client.clientId(), new Loaded(modified, key));
        LOG.info("request signing key of client {} ({}): {}", client.clientId(), client.keyId(),
            key == null ? "unreadable, its requests are refused" : SigningAlgorithm.of(key).alg());
        return key;
    }

    /** The public key in a PEM file, or null. */
    static PublicKey read(final Path file) {
        try {
            final String pem = Files.readString(file, StandardCharsets.US_ASCII);
            final String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            final X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(body));
            for (final String algorithm : new String[] {"Ed25519", "EC"}) {
                try {
                    final PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(spec);
                    SigningAlgorithm.of(key);
                    return key;
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    // try the next kind
                }
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
