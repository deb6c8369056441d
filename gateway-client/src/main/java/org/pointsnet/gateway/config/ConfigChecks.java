package org.pointsnet.gateway.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.pointsnet.contract.Limits;
import org.springframework.boot.convert.DurationStyle;

/**
 * Checks of single {@code pointsnet.*} values that collect problems instead of stopping at the first, so one restart
 * fixes them all. Each returns the value it checked (stripped, parsed) or null when it found a problem.
 */
final class ConfigChecks {

    static final String PREFIX = "pointsnet.";

    private final List<ConfigProblem> problems = new ArrayList<>();

    /** {@code host} and {@code port} of a {@code host:port} value. */
    record HostPort(String host, int port) {
    }

    List<ConfigProblem> problems() {
        return problems;
    }

    void problem(final String property, final String message) {
        problems.add(new ConfigProblem(PREFIX + property, message));
    }

    /** A problem with a property outside {@code pointsnet.*} (e.g. {@code server.address}), by its full name. */
    void problemAt(final String fullProperty, final String message) {
        problems.add(new ConfigProblem(fullProperty, message));
    }

    static boolean blank(final String value) {
        return value == null || value.isBlank();
    }

    String required(final String property, final String value) {
        if (blank(value)) {
            problem(property, "is required but not set");
            return null;
        }
        return value.strip();
    }

    String identifier(final String property, final String value) {
        final String v = required(property, value);
        if (v != null && v.chars().anyMatch(Character::isWhitespace)) {
            problem(property, "must not contain whitespace (got '" + v + "')");
            return null;
        }
        return v;
    }

    String platformId(final String property, final String value) {
        final String v = required(property, value);
        // The chaincode's platform id rule: a trust entry that breaks it could never match a receipt.
        if (v != null && !Limits.PLATFORM_ID.matcher(v).matches()) {
            problem(property, "must be a platform id, " + Limits.PLATFORM_ID.pattern() + " (got '" + v + "')");
            return null;
        }
        return v;
    }

    String optionalHost(final String property, final String value) {
        return blank(value) ? null : identifier(property, value);
    }

    HostPort hostPort(final String property, final String value) {
        final String v = identifier(property, value);
        if (v == null) {
            return null;
        }
        final int colon = v.lastIndexOf(':');
        String host = colon > 0 ? v.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        final int port = colon > 0 ? parsePort(v.substring(colon + 1)) : -1;
        if (host.isEmpty() || port < 0) {
            problem(property, "must be host:port with a port of 1-65535 (got '" + v + "')");
            return null;
        }
        return new HostPort(host, port);
    }

    private static int parsePort(final String text) {
        try {
            final int port = Integer.parseInt(text);
            return port >= 1 && port <= 65535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    Path readableFile(final String property, final String value) {
        final Path path = path(property, required(property, value));
        if (path == null) {
            return null;
        }
        if (!Files.exists(path)) {
            problem(property, "file " + path + " does not exist");
        } else if (!Files.isRegularFile(path)) {
            problem(property, path + " is not a regular file");
        } else if (!Files.isReadable(path)) {
            problem(property, "file " + path + " is not readable by this process");
        } else {
            return path;
        }
        return null;
    }

    /** A path that need not exist yet (a file the gateway creates); null when not set. */
    Path optionalPath(final String property, final String value) {
        return blank(value) ? null : path(property, value.strip());
    }

    private Path path(final String property, final String value) {
        if (value == null) {
            return null;
        }
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            problem(property, "is not a valid path (got '" + value + "')");
            return null;
        }
    }

    /** A positive duration such as {@code 10s}, {@code 5m} or {@code PT5M}. */
    Duration duration(final String property, final String value) {
        return parsed(property, value, DurationStyle::detectAndParse, d -> !d.isNegative() && !d.isZero(),
            "a positive duration like 10s, 5m or PT5M");
    }

    /** A whole number from 0 to {@code max}. */
    Long countUpTo(final String property, final String value, final long max) {
        return parsed(property, value, Long::valueOf, n -> n >= 0 && n <= max, "a whole number from 0 to " + max);
    }

    /** A whole number of at least 0. */
    Long count(final String property, final String value) {
        return parsed(property, value, Long::valueOf, n -> n >= 0, "a whole number of at least 0");
    }

    /** A required value that {@code parse} reads (else IllegalArgumentException) and {@code ok} accepts. */
    private <T> T parsed(final String property, final String value, final Function<String, T> parse,
                         final Predicate<T> ok, final String what) {
        final String v = required(property, value);
        if (v == null) {
            return null;
        }
        try {
            final T parsedValue = parse.apply(v);
            if (ok.test(parsedValue)) {
                return parsedValue;
            }
        } catch (IllegalArgumentException e) {
            // reported below (NumberFormatException is one)
        }
        problem(property, "must be " + what + " (got '" + v + "')");
        return null;
    }

    /** A secret of at least {@code minLength} characters, else {@code message}, which must not show the value. */
    Secret secret(final String property, final String value, final int minLength, final String message) {
        if (blank(value) || value.length() < minLength) {
            problem(property, message);
            return null;
        }
        return new Secret(value);
    }
}
