package io.dashshare.domain.filter;

import io.dashshare.domain.sql.SqlTemplate;
import java.util.List;

/** How to answer the options endpoint for one filter under one set of rules. */
public sealed interface OptionsPlan {

    /** A list known without a query (static options or a policy), narrowed by search in memory. */
    record Listed(List<FilterOption> options, OptionsSource source) implements OptionsPlan {
        public Listed {
            options = List.copyOf(options);
        }
    }

    /** Run the filter's SQL with {@code :search} and the omitted-values of the other filters. */
    record Query(SqlTemplate sql) implements OptionsPlan {
    }
}
