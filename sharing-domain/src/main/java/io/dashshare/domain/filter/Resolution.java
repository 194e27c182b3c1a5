package io.dashshare.domain.filter;

import java.util.function.Function;

/**
 * The outcome of applying the filter rules: the value they allow, or the {@link Rejection} they
 * answer with. Never both, never neither.
 */
public sealed interface Resolution<T> {

    record Allowed<T>(T value) implements Resolution<T> {
    }

    record Refused<T>(Rejection rejection) implements Resolution<T> {
    }

    static <T> Resolution<T> allowed(T value) {
        return new Allowed<>(value);
    }

    static <T> Resolution<T> refused(Rejection rejection) {
        return new Refused<>(rejection);
    }

    default <U> Resolution<U> map(Function<T, U> mapping) {
        if (this instanceof Allowed<T> allowed) {
            return new Allowed<>(mapping.apply(allowed.value()));
        }
        return new Refused<>(((Refused<T>) this).rejection());
    }

    /** The allowed value, or the rejection as the exception the API answers with. */
    default T orElseThrow() {
        if (this instanceof Allowed<T> allowed) {
            return allowed.value();
        }
        throw ((Refused<T>) this).rejection().toException();
    }
}
