package org.pointsnet.gateway.config;

import java.util.List;
import java.util.stream.Collectors;

/** The gateway cannot start because of its configuration; each problem names the property to fix. */
public final class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<ConfigProblem> problems;

    public InvalidConfigurationException(final List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidConfigurationException(final String property, final String message) {
        this(List.of(new ConfigProblem(property, message)));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(final List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::toString)
            .collect(Collectors.joining("\n  ", "Invalid gateway configuration:\n  ", ""));
    }
}
