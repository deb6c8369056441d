package org.pointsnet.admin.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.InjectableValues;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Turns spec YAML into a validated {@link NetworkSpec}, or a {@link SpecException} naming the field. */
final class SpecReader {

    /**
     * Strict on purpose: a typo in a field name, a missing field or a key given twice is an
     * error, not a silently ignored or defaulted value.
     */
    private static final ObjectMapper MAPPER = YAMLMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .injectableValues(new InjectableValues.Std()
            .addValue(PlatformOrgSpec.NO_PROJECTION_DATABASE, Optional.empty())
            .addValue(PlatformOrgSpec.NO_GATEWAY_INSTANCES, List.of())
            .addValue(PlatformOrgSpec.NO_PEER, Optional.empty())
            .addValue(PlatformOrgSpec.NO_PEERS, List.of())
            .addValue(PeerSpec.DEFAULT_NAME, "")
            .addValue(NetworkSpec.NO_JOINING_ORGS, List.of())
            .addValue(NetworkSpec.DEFAULT_HOSTS, HostsSpec.DEFAULT))
        .build();

    /** Only used to find unknown fields hidden behind a missing-field error. */
    private static final ObjectMapper LENIENT = MAPPER.rebuild()
        .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                 DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
                 DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();

    private SpecReader() {
    }

    static NetworkSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SpecException(file + ": spec file not found", e);
        } catch (IOException e) {
            throw new SpecException(file + ": cannot read spec file: " + e, e);
        }
        return parse(text, file.toString());
    }

    static NetworkSpec parse(String yaml, String source) {
        if (yaml.isBlank()) {
            throw new SpecException(source + ": spec file is empty");
        }
        NetworkSpec spec;
        try {
            spec = MAPPER.readValue(yaml, NetworkSpec.class);
        } catch (UnrecognizedPropertyException e) {
            throw unknownField(source, e);
        } catch (DatabindException e) {
            throw unknownFieldOr(source, yaml, e);
        } catch (JacksonException e) {
            throw new SpecException(source + ": not valid YAML: " + firstLine(e.getOriginalMessage()) + line(e), e);
        }
        if (spec == null) {
            throw new SpecException(source + ": spec file holds no spec");
        }
        List<String> problems = new SpecValidator().validate(spec);
        if (!problems.isEmpty()) {
            throw new SpecException(source + ": " + String.join("; ", problems));
        }
        return spec;
    }

    /**
     * Jackson builds a record before it looks at unknown fields, so a misspelt field shows
     * up as the correct one missing. Parse again without the presence checks: if that finds
     * an unknown field, the typo is the better message.
     */
    private static SpecException unknownFieldOr(String source, String yaml, DatabindException error) {
        try {
            LENIENT.readValue(yaml, NetworkSpec.class);
        } catch (UnrecognizedPropertyException e) {
            return unknownField(source, e);
        } catch (JacksonException e) {
            // Not a typo; report the first error.
        }
        String field = path(error.getPath());
        String message = firstLine(error.getOriginalMessage());
        if (message.startsWith("Missing creator property")) {
            message = "is required";
        } else if (message.startsWith("Null value for creator property")) {
            message = "must have a value";
        }
        return new SpecException(source + ": " + (field.isEmpty() ? "" : field + ": ") + message + line(error), error);
    }

    private static SpecException unknownField(String source, UnrecognizedPropertyException e) {
        String known = e.getKnownPropertyIds() == null || e.getKnownPropertyIds().isEmpty() ? "" : " (expected one of: "
            + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
        return new SpecException(source + ": " + path(e.getPath()) + ": unknown field" + known + line(e), e);
    }

    /** A field path as a reader writes it, e.g. {@code platformOrgs[1].peer.port}. */
    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String line(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
    }

    /** The first line of a Jackson message, without its hint at which feature is enabled. */
    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        int hint = line.indexOf("; `DeserializationFeature");
        return (hint < 0 ? line : line.substring(0, hint)).strip();
    }
}
