package org.pointsnet.gateway.signatures;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of RFC 8941 (Structured Field Values) that Signature-Input, Signature and Content-Digest use: a dictionary
 * whose members are items or inner lists, with parameters; items are strings, tokens, integers, byte sequences and
 * booleans. Anything else is malformed.
 */
final class StructuredFields {

    /** A bare item with its parameters (in order). */
    record Item(Object value, Map<String, Object> params) {
    }

    /** A member: an item (then {@code items} is null) or an inner list of items, with the member's parameters. */
    record Member(Item item, List<Item> items, Map<String, Object> params) {
    }

    private final String in;
    private int pos;

    private StructuredFields(final String in) {
        this.in = in;
    }

    /** The dictionary in {@code header}; IllegalArgumentException when it is not one. */
    static Map<String, Member> dictionary(final String header) {
        final StructuredFields parser = new StructuredFields(header);
        final Map<String, Member> members = new LinkedHashMap<>();
        parser.skipSpaces();
        while (parser.pos < parser.in.length()) {
            final String key = parser.key();
            final Member member;
            if (parser.peek() == '=') {
                parser.pos++;
                member = parser.member();
            } else {
                member = new Member(new Item(Boolean.TRUE, parser.params()), null, Map.of());
            }
            members.put(key, member);
            parser.skipOws();
            if (parser.pos >= parser.in.length()) {
                break;
            }
            parser.expect(',');
            parser.skipOws();
            if (parser.pos >= parser.in.length()) {
                throw new IllegalArgumentException("trailing comma");
            }
        }
        return members;
    }

    /** An inner list serialized as RFC 8941 does it: the signature base's {@code @signature-params} value. */
    static String serializeInnerList(final List<String> components, final Map<String, Object> params) {
        final StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < components.size(); i++) {
            out.append(i == 0 ? "" : " ").append(string(components.get(i)));
        }
        out.append(')');
        params.forEach((key, value) -> {
            out.append(';').append(key);
            if (!Boolean.TRUE.equals(value)) {
                out.append('=').append(value instanceof String s ? string(s) : value.toString());
            }
        });
        return out.toString();
    }

    private static String string(final String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private Member member() {
        if (peek() == '(') {
            pos++;
            final List<Item> items = new ArrayList<>();
            while (true) {
                skipSpaces();
                if (peek() == ')') {
                    pos++;
                    return new Member(null, items, params());
                }
                items.add(new Item(bareItem(), params()));
                final char next = peek();
                if (next != ' ' && next != ')') {
                    throw new IllegalArgumentException("bad inner list");
                }
            }
        }
        final Item item = new Item(bareItem(), params());
        return new Member(item, null, item.params());
    }

    private Map<String, Object> params() {
        final Map<String, Object> params = new LinkedHashMap<>();
        while (peek() == ';') {
            pos++;
            skipSpaces();
            final String key = key();
            Object value = Boolean.TRUE;
            if (peek() == '=') {
                pos++;
                value = bareItem();
            }
            params.put(key, value);
        }
        return params;
    }

    private Object bareItem() {
        final char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == ':') {
            final int end = in.indexOf(':', pos + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated byte sequence");
            }
            final String b64 = in.substring(pos + 1, end);
            pos = end + 1;
            return Base64.getDecoder().decode(b64);
        }
        if (c == '?') {
            pos++;
            final char b = next();
            if (b != '0' && b != '1') {
                throw new IllegalArgumentException("bad boolean");
            }
            return b == '1';
        }
        if (c == '-' || Character.isDigit(c)) {
            final int start = pos;
            pos++;
            while (pos < in.length() && Character.isDigit(in.charAt(pos)) && pos - start < 16) {
                pos++;
            }
            if (pos < in.length() && (Character.isDigit(in.charAt(pos)) || in.charAt(pos) == '.')) {
                throw new IllegalArgumentException("integer too long or decimal");
            }
            return Long.parseLong(in.substring(start, pos));
        }
        if (Character.isLetter(c) || c == '*') {
            final int start = pos;
            while (pos < in.length() && "!#$%&'*+-.^_`|~:/".indexOf(in.charAt(pos)) >= 0
                || pos < in.length() && Character.isLetterOrDigit(in.charAt(pos)) && in.charAt(pos) < 128) {
                pos++;
            }
            return new Token(in.substring(start, pos));
        }
        throw new IllegalArgumentException("unexpected character");
    }

    /** An sf-token (distinct from a string). */
    record Token(String value) {
        @Override
        public String toString() {
            return value;
        }
    }

    private String string() {
        pos++;
        final StringBuilder out = new StringBuilder();
        while (pos < in.length()) {
            final char c = in.charAt(pos++);
            if (c == '\\') {
                final char escaped = next();
                if (escaped != '"' && escaped != '\\') {
                    throw new IllegalArgumentException("bad escape");
                }
                out.append(escaped);
            } else if (c == '"') {
                return out.toString();
            } else if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("bad string character");
            } else {
                out.append(c);
            }
        }
        throw new IllegalArgumentException("unterminated string");
    }

    private String key() {
        final int start = pos;
        if (pos >= in.length() || !(Character.isLowerCase(in.charAt(pos)) || in.charAt(pos) == '*')) {
            throw new IllegalArgumentException("bad key");
        }
        while (pos < in.length() && ("_-.*".indexOf(in.charAt(pos)) >= 0
            || in.charAt(pos) < 128 && (Character.isLowerCase(in.charAt(pos)) || Character.isDigit(in.charAt(pos))))) {
            pos++;
        }
        return in.substring(start, pos);
    }

    private char peek() {
        return pos < in.length() ? in.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= in.length()) {
            throw new IllegalArgumentException("unexpected end");
        }
        return in.charAt(pos++);
    }

    private void expect(final char c) {
        if (next() != c) {
            throw new IllegalArgumentException("expected '" + c + "'");
        }
    }

    private void skipSpaces() {
        while (peek() == ' ') {
            pos++;
        }
    }

    private void skipOws() {
        while (peek() == ' ' || peek() == '\t') {
            pos++;
        }
    }
}
