package io.dashshare.adapter.http.web;

import io.dashshare.adapter.http.json.Json;
import io.dashshare.domain.common.Ids;
import io.dashshare.domain.document.Tree;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.filter.RawValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reading request bodies strictly: a JSON object, known members only, typed values. */
public final class Bodies {

    private Bodies() {
    }

    /** A required JSON object body with only the given members. */
    public static Tree object(byte[] body, String... known) {
        return Tree.object(Json.parse(body), "").onlyKnown(Set.of(known));
    }

    /** An optional body: absent or blank is an empty object. */
    public static Tree optionalObject(byte[] body, String... known) {
        if (body == null || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return Tree.object(new LinkedHashMap<String, Object>(), "");
        }
        return object(body, known);
    }

    /** {@code parameters}: absent means none; anything but an object is refused. */
    public static Map<String, RawValue> parameters(Tree root) {
        return rawMap(root, "parameters");
    }

    public static Map<String, RawValue> rawMap(Tree root, String name) {
        Tree node = root.child(name, false);
        Map<String, RawValue> out = new LinkedHashMap<>();
        if (node == null) {
            if (root.has(name)) {
                throw SharingException.invalidRequest(name, name + " must be a JSON object");
            }
            return out;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> members = (Map<String, Object>) root.raw(name);
        members.forEach((slug, value) -> out.put(slug, Tree.toRaw(value)));
        return out;
    }

    /** An ISO-8601 instant ({@code 2025-12-31T23:59:59Z} or with an offset). */
    public static Optional<Instant> instant(Tree root, String name) {
        String text = root.optionalString(name);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw SharingException.invalidRequest(root.field(name),
                    root.field(name) + " must be an ISO-8601 date-time with offset, e.g. 2025-12-31T23:59:59Z");
        }
    }

    /** A path id: anything but a canonical UUID cannot name an existing resource. */
    public static UUID id(String text, String what) {
        return Ids.parse(text).orElseThrow(() -> SharingException.notFound(what));
    }
}
