package org.pointsnet.gateway.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * A socket the gateway serves HTTP on, as Spring Boot will bind it: the API's ({@code server.*}) and, when it has a
 * port of its own, actuator's ({@code management.server.*}).
 *
 * @param prefix  {@code server} or {@code management.server}
 * @param address the interface it binds to; empty for every interface (Boot's default when no address is set)
 * @param tls     whether it serves TLS: SSL not switched off and a certificate, key store or SSL bundle given
 */
public record Listener(String prefix, Optional<InetAddress> address, boolean tls) {

    /** Reachable from this machine only: bound to a loopback address. */
    public boolean loopbackOnly() {
        return address.map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** Where it listens, for messages. */
    public String describeAddress() {
        return address.map(InetAddress::getHostAddress).orElse("every interface");
    }

    /**
     * The listeners of the bound environment. An address Boot could not parse either is left to Boot's own error
     * (it fails the start-up anyway) and counted as every interface here, the unsafe reading.
     */
    public static List<Listener> of(final Environment environment) {
        final Binder binder = Binder.get(environment);
        final List<Listener> listeners = new ArrayList<>();
        listeners.add(listener(binder, "server"));
        final Optional<Integer> managementPort = value(binder, "management.server.port", Integer.class);
        final Optional<Integer> serverPort = value(binder, "server.port", Integer.class);
        // Actuator gets its own socket only on a port of its own (-1 switches it off, same port shares the API's).
        if (managementPort.isPresent() && managementPort.get() >= 0 && !managementPort.equals(serverPort)) {
            listeners.add(listener(binder, "management.server"));
        }
        return List.copyOf(listeners);
    }

    private static Listener listener(final Binder binder, final String prefix) {
        final Optional<InetAddress> address = value(binder, prefix + ".address", String.class)
            .filter(value -> !value.isBlank()).flatMap(Listener::parse);
        final boolean enabled = binder.bind(prefix + ".ssl.enabled", Boolean.class).orElse(true);
        final boolean material = List.of("bundle", "certificate", "key-store").stream()
            .anyMatch(name -> value(binder, prefix + ".ssl." + name, String.class)
                .filter(value -> !value.isBlank()).isPresent());
        return new Listener(prefix, address, enabled && material);
    }

    private static <T> Optional<T> value(final Binder binder, final String name, final Class<T> type) {
        return Optional.ofNullable(binder.bind(name, type).orElse(null));
    }

    private static Optional<InetAddress> parse(final String host) {
        try {
            return Optional.of(InetAddress.getByName(host.strip()));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
