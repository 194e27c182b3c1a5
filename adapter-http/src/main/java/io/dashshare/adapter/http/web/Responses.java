package io.dashshare.adapter.http.web;

import io.dashshare.adapter.http.json.Json;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** JSON answers written from trees by {@link Json} (nulls kept, numbers exact). */
public final class Responses {

    private Responses() {
    }

    public static MutableHttpResponse<byte[]> ok(Object tree) {
        return json(HttpStatus.OK, tree);
    }

    public static MutableHttpResponse<byte[]> created(Object tree) {
        return json(HttpStatus.CREATED, tree);
    }

    public static MutableHttpResponse<byte[]> json(HttpStatus status, Object tree) {
        return HttpResponse.<byte[]>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(Json.write(tree));
    }

    public static MutableHttpResponse<byte[]> noContent() {
        return HttpResponse.noContent();
    }
}
