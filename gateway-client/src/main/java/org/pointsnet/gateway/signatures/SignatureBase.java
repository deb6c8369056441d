package org.pointsnet.gateway.signatures;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signature base of RFC 9421 section 2.5: one line {@code "<component>": <value>} per covered component, then the
 * {@code "@signature-params"} line. Derived components {@code @method}, {@code @path}, {@code @query},
 * {@code @authority}; any header field by its lower-case name; no component parameters.
 */
public final class SignatureBase {

    private SignatureBase() {
    }

    /** The base over {@code components} of {@code message} with these signature parameters (in order). */
    public static String of(final List<String> components, final Map<String, Object> params,
                            final MessageView message) throws SignatureException {
        final StringBuilder base = new StringBuilder();
        for (final String component : components) {
            final String value = value(component, message);
            if (value == null) {
                throw new SignatureException(SignatureFailure.INCOMPLETE);
            }
            base.append('"').append(component).append("\": ").append(value).append('\n');
        }
        return base.append("\"@signature-params\": ")
            .append(StructuredFields.serializeInnerList(components, params)).toString();
    }

    private static String value(final String component, final MessageView message) throws SignatureException {
        return switch (component) {
            case "@method" -> message.method().toUpperCase(Locale.ROOT);
            case "@path" -> message.path().isEmpty() ? "/" : message.path();
            case "@query" -> "?" + (message.query() == null ? "" : message.query());
            case "@authority" -> message.authority() == null ? null : message.authority().toLowerCase(Locale.ROOT);
            default -> {
                if (component.startsWith("@") || !component.equals(component.toLowerCase(Locale.ROOT))) {
                    throw new SignatureException(SignatureFailure.MALFORMED);
                }
                final String header = message.header(component);
                yield header == null ? null : header.strip();
            }
        };
    }
}
