package org.pointsnet.gateway.config;

/** One configuration mistake: the property (as it is written on the command line) and what is wrong with it. */
public record ConfigProblem(String property, String message) {

    @Override
    public String toString() {
        return property + ": " + message;
    }
}
