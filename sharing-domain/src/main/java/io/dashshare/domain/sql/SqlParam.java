package io.dashshare.domain.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A typed bind parameter. A {@code null} value binds SQL NULL of that type, so that
 * {@code :p::date is null} and {@code = any(:p)} work on unset filters too.
 */
public sealed interface SqlParam {

    Object value();

    record DateParam(LocalDate value) implements SqlParam {
    }

    record NumberParam(BigDecimal value) implements SqlParam {
    }

    record TextParam(String value) implements SqlParam {
    }

    /** Bound as a PostgreSQL {@code text[]}. */
    record TextArrayParam(List<String> value) implements SqlParam {
        public TextArrayParam {
            value = value == null ? null : List.copyOf(value);
        }
    }
}
