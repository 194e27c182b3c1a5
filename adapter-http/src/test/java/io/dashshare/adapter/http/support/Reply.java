package io.dashshare.adapter.http.support;

import io.dashshare.adapter.http.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A raw HTTP answer: status, headers (lower-case names) and body text. */
public record Reply(int status, Map<String, List<String>> headers, String body) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
        return (Map<String, Object>) Json.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    public String errorCode() {
        return (String) json().get("error_code");
    }
}
