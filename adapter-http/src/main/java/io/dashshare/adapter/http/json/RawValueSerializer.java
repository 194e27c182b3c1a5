package io.dashshare.adapter.http.json;

import io.dashshare.domain.filter.RawValue;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serializer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Writes a {@link RawValue} (a filter value as an owner wrote it: a policy's allowed values, a
 * default) as the JSON value it came from, so that what a GET answers can be sent back as it is.
 */
@Singleton
public final class RawValueSerializer implements Serializer<RawValue> {

    @Override
    public void serialize(Encoder encoder, EncoderContext context, Argument<? extends RawValue> type, RawValue value)
            throws IOException {
        write(encoder, value);
    }

    private static void write(Encoder encoder, RawValue value) throws IOException {
        if (value instanceof RawValue.Str s) {
            encoder.encodeString(s.value());
        } else if (value instanceof RawValue.Num n) {
            encoder.encodeBigDecimal(n.value());
        } else if (value instanceof RawValue.Bool b) {
            encoder.encodeBoolean(b.value());
        } else if (value instanceof RawValue.Arr a) {
            Encoder array = encoder.encodeArray(Argument.of(RawValue.class));
            for (RawValue item : a.items()) {
                write(array, item);
            }
            array.finishStructure();
        } else if (value instanceof RawValue.Null) {
            encoder.encodeNull();
        } else {
            throw new IllegalStateException("an object is never a filter value");
        }
    }
}
