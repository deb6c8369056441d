package org.pointsnet.gateway.fabric;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chaincode error message of the form "CODE: detail", found inside whatever the peer wrapped around it.
 *
 * <p>The peer reports a chaincode error as "chaincode response 500, CODE: detail" in an endorsement error
 * detail or in the gRPC status description (evaluate: "evaluate call to endorser returned error: chaincode
 * response 500, CODE: detail"); when endorsements are collected from other orgs the detail may be the bare
 * chaincode message. So: drop everything up to the last "chaincode response NNN, " and expect the code first.
 */
public record ChaincodeErrorMessage(String code, String detail) {

    private static final Pattern RESPONSE_PREFIX = Pattern.compile("chaincode response \\d+, ");
    // Upper-case words joined by underscores, then ": ". Lower-case gRPC descriptions never match.
    private static final Pattern CODED = Pattern.compile("([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*): (.*)", Pattern.DOTALL);

    /** Finds the coded chaincode message in {@code message}, if there is one. */
    public static Optional<ChaincodeErrorMessage> parse(final String message) {
        if (message == null) {
            return Optional.empty();
        }
        String text = message;
        final Matcher prefix = RESPONSE_PREFIX.matcher(text);
        int start = -1;
        while (prefix.find()) {
            start = prefix.end();
        }
        if (start >= 0) {
            text = text.substring(start);
        }
        final Matcher coded = CODED.matcher(text.strip());
        if (!coded.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ChaincodeErrorMessage(coded.group(1), coded.group(2).strip()));
    }
}
