package io.dashshare.application.token;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader and writer for token headers and claims, so that token handling
 * needs nothing beyond the JDK. Strict on purpose (RFC 8725): duplicate member names, trailing
 * data, lone surrogates, deep nesting and oversized input are all refused.
 *
 * <p>Values: {@code Map<String,Object>} (insertion ordered), {@code List<Object>}, {@code String},
 * {@code BigDecimal}, {@code Boolean}, {@code null}.
 */
public final class StrictJson {

    private static final int MAX_DEPTH = 16;
    private static final int MAX_LENGTH = 16_384;

    private StrictJson() {
    }

    public static Object parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new MalformedJsonException("too long");
        }
        Reader reader = new Reader(text);
        reader.skipWhitespace();
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.pos != text.length()) {
            throw new MalformedJsonException("trailing data");
        }
        return value;
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        writeValue(out, value);
        return out.toString();
    }

    private static void writeValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Number n) {
            out.append(new BigDecimal(n.toString()).toPlainString());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(out, String.valueOf(e.getKey()));
                out.append(':');
                writeValue(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeValue(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not JSON-able: " + value.getClass().getName());
        }
    }

    private static void writeString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Input that is not strict JSON. */
    public static final class MalformedJsonException extends RuntimeException {
        MalformedJsonException(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Reader {
        private final String in;
        private int pos;

        Reader(String in) {
            this.in = in;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw new MalformedJsonException("nested too deep");
            }
            if (pos >= in.length()) {
                throw new MalformedJsonException("unexpected end");
            }
            char c = in.charAt(pos);
            if (c == '{') {
                return object(depth);
            }
            if (c == '[') {
                return array(depth);
            }
            if (c == '"') {
                return string();
            }
            if (c == 't') {
                expect("true");
                return Boolean.TRUE;
            }
            if (c == 'f') {
                expect("false");
                return Boolean.FALSE;
            }
            if (c == 'n') {
                expect("null");
                return null;
            }
            return number();
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return Collections.unmodifiableMap(map);
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw new MalformedJsonException("expected a member name");
                }
                String name = string();
                skipWhitespace();
                if (peek() != ':') {
                    throw new MalformedJsonException("expected ':'");
                }
                pos++;
                skipWhitespace();
                if (map.containsKey(name)) {
                    throw new MalformedJsonException("duplicate member name");
                }
                map.put(name, value(depth + 1));
                skipWhitespace();
                char c = peek();
                pos++;
                if (c == '}') {
                    return Collections.unmodifiableMap(map);
                }
                if (c != ',') {
                    throw new MalformedJsonException("expected ',' or '}'");
                }
            }
        }

        private List<Object> array(int depth) {
            List<Object> list = new ArrayList<>();
            pos++;
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return Collections.unmodifiableList(list);
            }
            while (true) {
                skipWhitespace();
                list.add(value(depth + 1));
                skipWhitespace();
                char c = peek();
                pos++;
                if (c == ']') {
                    return Collections.unmodifiableList(list);
                }
                if (c != ',') {
                    throw new MalformedJsonException("expected ',' or ']'");
                }
            }
        }

        private String string() {
            pos++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= in.length()) {
                    throw new MalformedJsonException("unterminated string");
                }
                char c = in.charAt(pos++);
                if (c == '"') {
                    break;
                }
                if (c < 0x20) {
                    throw new MalformedJsonException("control character in string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (pos >= in.length()) {
                    throw new MalformedJsonException("unterminated escape");
                }
                char e = in.charAt(pos++);
                switch (e) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        // Exactly four hex digits: parseInt alone would also take "+041" and "-001".
                        if (pos + 4 > in.length() || !isHex(in, pos, 4)) {
                            throw new MalformedJsonException("bad unicode escape");
                        }
                        out.append((char) Integer.parseInt(in.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw new MalformedJsonException("bad escape");
                }
            }
            String s = out.toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                        throw new MalformedJsonException("lone surrogate");
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    throw new MalformedJsonException("lone surrogate");
                }
            }
            return s;
        }

        private BigDecimal number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (peek() >= '1' && peek() <= '9') {
                while (isAsciiDigit(peek())) {
                    pos++;
                }
            } else {
                throw new MalformedJsonException("unexpected character");
            }
            if (peek() == '.') {
                pos++;
                requireDigit();
                while (isAsciiDigit(peek())) {
                    pos++;
                }
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                requireDigit();
                while (isAsciiDigit(peek())) {
                    pos++;
                }
            }
            if (pos - start > 40) {
                throw new MalformedJsonException("number too long");
            }
            BigDecimal value;
            try {
                value = new BigDecimal(in.substring(start, pos));
            } catch (NumberFormatException e) {
                // An exponent beyond int range ("1e99999999999") passes the grammar but not BigDecimal.
                throw new MalformedJsonException("number out of range");
            }
            if (Math.abs(value.scale()) > 100) {
                throw new MalformedJsonException("number out of range");
            }
            return value;
        }

        private static boolean isHex(String text, int from, int count) {
            for (int i = from; i < from + count; i++) {
                if ("0123456789abcdefABCDEF".indexOf(text.charAt(i)) < 0) {
                    return false;
                }
            }
            return true;
        }

        private void requireDigit() {
            if (!isAsciiDigit(peek())) {
                throw new MalformedJsonException("expected a digit");
            }
        }

        private static boolean isAsciiDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private void expect(String word) {
            if (!in.startsWith(word, pos)) {
                throw new MalformedJsonException("unexpected token");
            }
            pos += word.length();
        }

        private char peek() {
            return pos < in.length() ? in.charAt(pos) : '\0';
        }

        void skipWhitespace() {
            while (pos < in.length()) {
                char c = in.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    break;
                }
            }
        }
    }
}
