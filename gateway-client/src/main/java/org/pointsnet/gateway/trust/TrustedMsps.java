package org.pointsnet.gateway.trust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pointsnet.gateway.config.ConfigProblem;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.config.InvalidConfigurationException;

/**
 * Which MSP owns which platform id, and each MSP's root CA certificates: what a genuine endorsement's certificate
 * must be issued by. Comes from configuration rendered from the network spec, never from the ledger, so no member
 * (nor a majority of them) can change whose endorsement a platform's postings need.
 */
public final class TrustedMsps {

    private final Map<String, String> mspByPlatform;
    private final Map<String, List<X509Certificate>> rootsByMsp;

    /**
     * @param mspByPlatform platform id → MSP id
     * @param rootsByMsp    MSP id → its root CA certificates
     */
    public TrustedMsps(final Map<String, String> mspByPlatform, final Map<String, List<X509Certificate>> rootsByMsp) {
        this.mspByPlatform = Map.copyOf(mspByPlatform);
        final Map<String, List<X509Certificate>> roots = new LinkedHashMap<>();
        rootsByMsp.forEach((msp, certs) -> roots.put(msp, List.copyOf(certs)));
        this.rootsByMsp = Map.copyOf(roots);
    }

    /**
     * Reads every configured CA file (a file may hold several PEM certificates; entries naming the same MSP add
     * up). A file without a CA certificate is a configuration error naming its key, so the gateway does not start.
     */
    public static TrustedMsps load(final List<GatewaySettings.TrustedPlatform> platforms) {
        final Map<String, String> mspByPlatform = new LinkedHashMap<>();
        final Map<String, List<X509Certificate>> rootsByMsp = new LinkedHashMap<>();
        final List<ConfigProblem> problems = new ArrayList<>();
        for (final GatewaySettings.TrustedPlatform platform : platforms) {
            mspByPlatform.put(platform.platformId(), platform.mspId());
            try {
                rootsByMsp.computeIfAbsent(platform.mspId(), m -> new ArrayList<>()).addAll(caCertificates(platform));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(platform.property(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return new TrustedMsps(mspByPlatform, rootsByMsp);
    }

    /** The MSP that owns {@code platformId}; empty for a platform not in the configuration. */
    public Optional<String> mspOf(final String platformId) {
        return Optional.ofNullable(mspByPlatform.get(platformId));
    }

    /** Every configured platform id, sorted. */
    public java.util.SortedSet<String> platformIds() {
        return new java.util.TreeSet<>(mspByPlatform.keySet());
    }

    /** The root CA certificates of {@code mspId}; empty for an MSP not in the configuration. */
    public List<X509Certificate> roots(final String mspId) {
        return rootsByMsp.getOrDefault(mspId, List.of());
    }

    private static List<X509Certificate> caCertificates(final GatewaySettings.TrustedPlatform platform) {
        final Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(platform.caCert())) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new IllegalArgumentException("file " + platform.caCert() + " is not PEM X.509 certificates ("
                + e.getClass().getSimpleName() + ")", e);
        }
        final List<X509Certificate> roots = new ArrayList<>();
        for (final Certificate certificate : certificates) {
            // A leaf certificate here would make every identity it "issues" unverifiable, or worse, trusted.
            if (!(certificate instanceof X509Certificate x509) || x509.getBasicConstraints() < 0) {
                throw new IllegalArgumentException("file " + platform.caCert() + " holds a certificate that is not "
                    + "a CA certificate; expected the root CA of " + platform.mspId() + " (its msp/cacerts)");
            }
            roots.add(x509);
        }
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("file " + platform.caCert() + " holds no certificate");
        }
        return roots;
    }
}
