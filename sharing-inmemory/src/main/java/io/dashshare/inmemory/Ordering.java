package io.dashshare.inmemory;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Function;

/**
 * Lists come back oldest first, ties broken by id, as the database adapters sort them
 * ({@code order by created_at, id}); a UUID's text form sorts like PostgreSQL's uuid order.
 */
final class Ordering {

    private Ordering() {
    }

    static <T> Comparator<T> byCreation(Function<T, Instant> createdAt, Function<T, UUID> id) {
        return Comparator.comparing(createdAt).thenComparing(t -> id.apply(t).toString());
    }
}
