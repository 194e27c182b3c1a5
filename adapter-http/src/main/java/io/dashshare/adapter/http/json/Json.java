package io.dashshare.adapter.http.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.error.SharingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies become plain JSON trees ({@code Map}/{@code List}/{@code String}/{@code BigDecimal}/
 * {@code Boolean}/{@code null}) that {@link JsonBinder} binds to request records; error bodies are
 * written from such trees. Parsing is strict: duplicate keys, trailing content, non-standard tokens and absurd nesting
 * are all 400 {@code INVALID_REQUEST}. Jackson's streaming layer is used directly because the
 * databinding defaults (lossy doubles, last-duplicate-wins, dropped nulls) are exactly what a
 * filter value must not go through.
 */
public final class Json {

    private static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(200).maxStringLength(10_000_000).build())
            .build();

    private Json() {
    }

    /** The whole body as one JSON value; an empty or blank body is "body is required". */
    public static Object parse(byte[] body) {
        if (body == null || isBlank(body)) {
            throw new InvalidValueException("body", "is required: send a JSON object");
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            Object value = read(parser, first);
            if (parser.nextToken() != null) {
                throw malformed();
            }
            return value;
        } catch (JsonProcessingException e) {
            throw malformed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static SharingException malformed() {
        // Jackson's own message quotes the input; the viewer gets a fixed sentence instead.
        return new SharingException(ErrorCode.INVALID_REQUEST, "The request body is not valid JSON.",
                Map.of("field", "body"));
    }

    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw malformed();
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    if (t != JsonToken.FIELD_NAME) {
                        throw malformed();
                    }
                    String name = parser.currentName();
                    object.put(name, read(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(read(parser, t));
                }
                return array;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw malformed();
        }
    }

    /** Serialises a tree; {@link Instant}s are written as ISO-8601 text. */
    public static byte[] write(Object tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            g.writeNumber(new BigDecimal(n.toString()));
        } else if (value instanceof Instant instant) {
            g.writeString(instant.toString());
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                g.writeFieldName(String.valueOf(entry.getKey()));
                write(g, entry.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            g.writeStartArray();
            for (Object item : items) {
                write(g, item);
            }
            g.writeEndArray();
        } else {
            // Cells and values are produced by our own mappers; anything else is a programming error.
            throw new IllegalArgumentException("not a JSON tree value: " + value.getClass().getName());
        }
    }
}
