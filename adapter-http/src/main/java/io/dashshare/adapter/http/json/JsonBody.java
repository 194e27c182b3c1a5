package io.dashshare.adapter.http.json;

/**
 * A request body record bound by {@link JsonBodyReader} (strict JSON, exact types, no unknown
 * members) instead of the framework's serde, see docs/api.md, "Request bodies".
 */
public interface JsonBody {
}
