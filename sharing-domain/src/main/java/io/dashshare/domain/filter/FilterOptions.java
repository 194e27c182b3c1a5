package io.dashshare.domain.filter;

import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.sql.SqlTemplate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Where a select filter's choices come from. */
public sealed interface FilterOptions {

    OptionsSource source();

    /** A fixed list written in the dashboard. */
    record Static(List<FilterOption> values) implements FilterOptions {
        public Static {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new InvalidValueException("values", "must hold at least one option");
            }
            Set<String> seen = new HashSet<>();
            for (FilterOption option : values) {
                if (!seen.add(option.value())) {
                    throw new InvalidValueException("values", "holds the option value '" + option.value() + "' twice");
                }
            }
        }

        @Override
        public OptionsSource source() {
            return OptionsSource.STATIC;
        }

        public boolean contains(String value) {
            return values.stream().anyMatch(o -> o.value().equals(value));
        }

        public Optional<FilterOption> find(String value) {
            return values.stream().filter(o -> o.value().equals(value)).findFirst();
        }
    }

    /**
     * Options read by SQL returning {@code value} and {@code label} columns. The SQL may use
     * {@code :search} (bound LIKE-escaped, or NULL) and the dashboard's filter slugs.
     */
    record Dynamic(SqlTemplate sql) implements FilterOptions {
        public Dynamic {
            Objects.requireNonNull(sql);
        }

        @Override
        public OptionsSource source() {
            return OptionsSource.DYNAMIC;
        }
    }
}
