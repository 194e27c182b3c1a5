package io.dashshare.domain.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.testing.DashboardBuilder;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No bound value ever becomes SQL text, and no owner SQL ever breaks the parser. */
class SqlTemplatePropertyTest {

    private static final List<String> TEMPLATES = List.of(
            DashboardBuilder.DYNAMIC_STATUS_SQL,
            "select sum(amount) from demo.orders where order_date between :period_start and :period_end"
                    + " and (:status::text[] is null or status = any(:status)) and (:region::text is null or region = :region)",
            "select 'it''s :a', E'\\':b', $$ :c $$, \"q:d\" /* :e */ -- :f\n from t where x = :g and y ? 'k'",
            "select :a");

    @Provide
    Arbitrary<String> hostileValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("' OR '1'='1", "1);DROP TABLE t;--", "$$", "\\'", "'||pg_sleep(5)||'", "?", "??",
                        ":a", "/* */", "'; select 1; --", "\u0000"),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30));
    }

    @Provide
    Arbitrary<String> templates() {
        return Arbitraries.of(TEMPLATES);
    }

    @Property(tries = 500)
    void whatever_string_is_bound_it_never_appears_in_the_sql_text(@ForAll("templates") String sql,
                                                                   @ForAll("hostileValues") String value) {
        SqlTemplate template = SqlTemplate.parse(sql);
        String unbound = template.bind(name -> new SqlParam.TextParam(null)).sql();

        BoundStatement bound = template.bind(name -> new SqlParam.TextParam(value));

        assertThat(bound.sql()).as("the SQL text does not depend on values").isEqualTo(unbound);
        assertThat(bound.parameters()).allMatch(p -> value.equals(p.value()));
        Assume.that(!unbound.contains(value));
        assertThat(bound.sql()).doesNotContain(value);
    }

    @Provide
    Arbitrary<String> sqlSoup() {
        return Arbitraries.of("select", " ", "\n", "'", "''", "\"", "E'", "\\", "\\'", "$$", "$t$", "$1", "--", "/*",
                "*/", ":a", ":b_1", "::", "::text", "?", ";", "x", "1", ":", "$").list().ofMaxSize(14)
                .map(tokens -> "select " + String.join("", tokens));
    }

    @Property(tries = 1000)
    void any_owner_sql_is_either_refused_with_a_message_or_bound_one_value_per_placeholder(
            @ForAll("sqlSoup") String sql) {
        SqlTemplate template;
        try {
            template = SqlTemplate.parse(sql);
        } catch (InvalidValueException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThatCode(() -> template.bind(name -> new SqlParam.TextParam(name))).doesNotThrowAnyException();
        BoundStatement bound = template.bind(name -> new SqlParam.TextParam(name));
        assertThat(bound.parameters()).extracting(SqlParam::value).allMatch(template.parameterNames()::contains);
    }
}
