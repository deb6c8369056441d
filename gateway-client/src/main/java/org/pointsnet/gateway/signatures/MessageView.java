package org.pointsnet.gateway.signatures;

/** The parts of an HTTP request a signature can cover (RFC 9421 section 2). */
public interface MessageView {

    /** The method, upper case. */
    String method();

    /** The path as sent, percent-encoding kept. */
    String path();

    /** The query as sent without its '?', or null when there is none. */
    String query();

    /** Host (and port) the request was sent to. */
    String authority();

    /** The field's values joined with ", ", or null when the request does not have it (name in lower case). */
    String header(String name);
}
