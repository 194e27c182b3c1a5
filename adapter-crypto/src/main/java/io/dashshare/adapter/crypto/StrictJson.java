package io.dashshare.adapter.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Token headers and claims as JSON, on jackson-core's streaming parser, as strict as
 * docs/embedding.md asks: duplicate member names, trailing data, lone surrogates, malformed
 * UTF-8, nesting beyond 16 levels under the root and oversized input are refused. nimbus-jose-jwt's
 * own JSON reader keeps the last of two nested members of the same name, hence this one.
 *
 * <p>Values: {@code Map<String,Object>} (insertion ordered, unmodifiable), {@code List<Object>}
 * (unmodifiable), {@code String}, {@code BigDecimal} for every number, {@code Boolean}, {@code null}.
 */
final class StrictJson {

    /** The root container plus 16 levels below it. */
    private static final int MAX_CONTAINERS = 17;
    private static final int MAX_LENGTH = 16_384;
    private static final int MAX_NUMBER_LENGTH = 40;
    private static final int MAX_SCALE = 100;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_CONTAINERS)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build();

    private StrictJson() {
    }

    /** Strict UTF-8 first: Jackson does not refuse every overlong or surrogate encoding the JDK's decoder does. */
    static Object parse(byte[] utf8) {
        if (isAscii(utf8)) {
            // Every byte under 0x80 is its own character: nothing malformed for the JDK's decoder
            // to refuse, so Jackson reads the bytes themselves (no String, no char[] copy).
            if (utf8.length > MAX_LENGTH) {
                throw new MalformedJsonException("too long");
            }
            try (JsonParser parser = FACTORY.createParser(utf8)) {
                return document(parser);
            } catch (IOException e) {
                throw new MalformedJsonException(e.getClass().getSimpleName());
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedJsonException("not UTF-8");
        }
        return parse(text);
    }

    /**
     * Bytes 0x01-0x7F only. A NUL byte takes the slow path too: Jackson guesses UTF-16 or UTF-32
     * from NUL bytes in a byte source, while the JDK's decoder reads them as the NUL the grammar
     * refuses.
     */
    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b <= 0) {
                return false;
            }
        }
        return true;
    }

    static Object parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new MalformedJsonException("too long");
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            return document(parser);
        } catch (IOException e) {
            // Jackson's parse errors, duplicates and exceeded constraints are all IOExceptions.
            throw new MalformedJsonException(e.getClass().getSimpleName());
        }
    }

    private static Object document(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            throw new MalformedJsonException("empty");
        }
        Object value = value(parser);
        if (parser.nextToken() != null) {
            throw new MalformedJsonException("trailing data");
        }
        return value;
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new MalformedJsonException("unexpected end");
        }
        switch (token) {
            case START_OBJECT:
                return object(parser);
            case START_ARRAY:
                return array(parser);
            case VALUE_STRING:
                return checked(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return number(parser.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new MalformedJsonException("unexpected " + token);
        }
    }

    private static Map<String, Object> object(JsonParser parser) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = checked(parser.currentName());
            parser.nextToken();
            map.put(name, value(parser));
        }
        return Collections.unmodifiableMap(map);
    }

    private static List<Object> array(JsonParser parser) throws IOException {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(value(parser));
        }
        return Collections.unmodifiableList(list);
    }

    private static BigDecimal number(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            // An exponent beyond int range ("1e99999999999") passes the grammar but not BigDecimal.
            throw new MalformedJsonException("number out of range");
        }
        if (Math.abs(value.scale()) > MAX_SCALE) {
            throw new MalformedJsonException("number out of range");
        }
        return value;
    }

    /** Jackson takes a {@code \ud800} escape without its pair; such a string has no UTF-8 form. */
    private static String checked(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new MalformedJsonException("lone surrogate");
            }
        }
        return s;
    }

    /** Writes String, Number, Boolean, Map, List and null; anything else is a programming error. */
    static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger i) {
            out.writeNumber(i);
        } else if (value instanceof BigDecimal d) {
            out.writeNumber(d);
        } else if (value instanceof Number n) {
            try {
                out.writeNumber(new BigDecimal(n.toString()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a JSON number: " + n, e);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.writeFieldName(String.valueOf(e.getKey()));
                write(out, e.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                write(out, item);
            }
            out.writeEndArray();
        } else {
            throw new IllegalArgumentException("not JSON-able: " + value.getClass().getName());
        }
    }

    /** Input that is not strict JSON. */
    static final class MalformedJsonException extends RuntimeException {
        MalformedJsonException(String message) {
            super(message, null, false, false);
        }
    }
}
