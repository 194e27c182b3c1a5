package io.dashshare.adapter.http.json;

import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads every {@link JsonBody} request record: the strict parser, then {@link JsonBinder}. The
 * framework's own JSON reader stays in charge of everything else.
 */
@Singleton
@Consumes(MediaType.APPLICATION_JSON)
public final class JsonBodyReader<T extends JsonBody> implements MessageBodyReader<T> {

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return JsonBody.class.isAssignableFrom(type.getType());
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream input) throws CodecException {
        try {
            return JsonBinder.bind(Json.parse(input.readAllBytes()), type.getType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
