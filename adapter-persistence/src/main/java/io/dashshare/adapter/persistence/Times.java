package io.dashshare.adapter.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** {@code timestamptz} columns arrive as {@link OffsetDateTime}; the domain speaks {@link Instant}. */
final class Times {

    private Times() {
    }

    static OffsetDateTime column(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime column) {
        return column == null ? null : column.toInstant();
    }
}
