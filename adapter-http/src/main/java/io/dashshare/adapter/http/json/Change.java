package io.dashshare.adapter.http.json;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A member of a PATCH body where {@code null} means something (docs/api.md names each such
 * member): absent leaves the value alone, {@code null} clears it, anything else sets it.
 */
public sealed interface Change<T> {

    record Unchanged<T>() implements Change<T> {
    }

    record Cleared<T>() implements Change<T> {
    }

    record To<T>(T value) implements Change<T> {
        public To {
            Objects.requireNonNull(value);
        }
    }

    static <T> Change<T> unchanged() {
        return new Unchanged<>();
    }

    /** Absent: empty; cleared: a present empty; set: the value, as the use cases' PATCH records take it. */
    default <U> Optional<Optional<U>> map(Function<T, U> mapping) {
        if (this instanceof To<T> to) {
            return Optional.of(Optional.of(mapping.apply(to.value())));
        }
        return this instanceof Cleared<T> ? Optional.of(Optional.empty()) : Optional.empty();
    }
}
