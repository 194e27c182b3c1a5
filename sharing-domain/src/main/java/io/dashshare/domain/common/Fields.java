package io.dashshare.domain.common;

import io.dashshare.domain.error.SharingException;
import java.util.function.Supplier;

/**
 * Value objects refuse bad state with {@link IllegalArgumentException}; this turns that into
 * the API's 400 {@code INVALID_REQUEST} naming the offending field, e.g. {@code filters[1].slug}.
 */
public final class Fields {

    private Fields() {
    }

    public static <T> T at(String field, Supplier<T> construction) {
        try {
            return construction.get();
        } catch (IllegalArgumentException e) {
            throw SharingException.invalidRequest(field, field + ": " + e.getMessage());
        } catch (SharingException e) {
            if (e.details().containsKey("field")) {
                String inner = String.valueOf(e.details().get("field"));
                String qualified = inner.startsWith("[") ? field + inner : field + "." + inner;
                throw SharingException.invalidRequest(qualified, e.getMessage().replaceFirst("^" + java.util.regex.Pattern.quote(inner), qualified));
            }
            throw e;
        }
    }
}
