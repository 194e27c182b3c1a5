package io.dashshare.domain.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.testing.DashboardBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Owner SQL with {@code :name} parameters becomes JDBC SQL with {@code ?} placeholders: names are
 * found only outside literals, quoted identifiers, dollar quotes and comments.
 */
class SqlTemplateTest {

    /** Binds each placeholder to its own name, so the bind order is visible. */
    private static List<String> bindOrder(SqlTemplate template) {
        List<String> order = new ArrayList<>();
        template.bind(name -> new SqlParam.TextParam(name)).parameters()
                .forEach(p -> order.add((String) p.value()));
        return order;
    }

    private static String jdbc(SqlTemplate template) {
        return template.bind(name -> new SqlParam.TextParam(null)).sql();
    }

    static Stream<Arguments> translations() {
        return Stream.of(
                Arguments.of("named parameters become placeholders in order",
                        "select * from t where a = :a and b = :b",
                        "select * from t where a = ? and b = ?", List.of("a", "b")),
                Arguments.of("the same name twice is two placeholders bound twice",
                        "select * from t where :x is null or a = :x",
                        "select * from t where ? is null or a = ?", List.of("x", "x")),
                Arguments.of("bind order follows the text, not the first use",
                        "select :b, :a, :b", "select ?, ?, ?", List.of("b", "a", "b")),
                Arguments.of("a name inside a string literal is text",
                        "select ':a' as x, :b", "select ':a' as x, ?", List.of("b")),
                Arguments.of("doubled quotes stay inside the literal",
                        "select 'it''s :a', :b", "select 'it''s :a', ?", List.of("b")),
                Arguments.of("an escaped quote in an E string stays inside the literal",
                        "select E'it\\'s :a', :b", "select E'it\\'s :a', ?", List.of("b")),
                Arguments.of("a lower-case e string escapes too",
                        "select e'\\\\', :b", "select e'\\\\', ?", List.of("b")),
                Arguments.of("a backslash in a standard string is no escape",
                        "select 'a\\', :b", "select 'a\\', ?", List.of("b")),
                Arguments.of("a name inside a quoted identifier is text",
                        "select \"col:a\", \"x\"\":y\" from t where c = :b",
                        "select \"col:a\", \"x\"\":y\" from t where c = ?", List.of("b")),
                Arguments.of("a name inside a dollar quote is text",
                        "select $$ :a ' ? $$, :b", "select $$ :a ' ? $$, ?", List.of("b")),
                Arguments.of("a tagged dollar quote ends only at its own tag",
                        "select $fn$ :a $$ :c $fn$, :b", "select $fn$ :a $$ :c $fn$, ?", List.of("b")),
                Arguments.of("a dollar inside an identifier is no quote",
                        "select a$b, :c from t", "select a$b, ? from t", List.of("c")),
                Arguments.of("a digit after a dollar inside an identifier is no positional parameter",
                        "select a$1 from t where b = :c", "select a$1 from t where b = ?", List.of("c")),
                Arguments.of("a name in a line comment is text, and so is a question mark there",
                        "select 1 -- :a ?\n, :b", "select 1 -- :a ?\n, ?", List.of("b")),
                Arguments.of("nested block comments hide names until the outer one closes",
                        "select /* :a /* :b */ :c */ :d", "select /* :a /* :b */ :c */ ?", List.of("d")),
                Arguments.of("casts stay casts after a parameter",
                        "where (:search::text is null or s ilike '%' || :search || '%')",
                        "where (?::text is null or s ilike '%' || ? || '%')", List.of("search", "search")),
                Arguments.of("array casts stay casts",
                        "where (:status::text[] is null or status = any(:status))",
                        "where (?::text[] is null or status = any(?))", List.of("status", "status")),
                Arguments.of("a cast without a parameter is untouched",
                        "select x::int from t", "select x::int from t", List.of()),
                Arguments.of("a question mark operator is escaped for JDBC",
                        "select data ? 'k', data ?| array['a'] from t where a = :a",
                        "select data ?? 'k', data ??| array['a'] from t where a = ?", List.of("a")),
                Arguments.of("a question mark in a literal is not escaped",
                        "select '?' from t", "select '?' from t", List.of()),
                Arguments.of("a colon before a digit is an array slice, not a name",
                        "select a[1:2] from t", "select a[1:2] from t", List.of()),
                Arguments.of("a trailing semicolon is dropped",
                        "select :a;", "select ?", List.of("a")),
                Arguments.of("a trailing semicolon with a line comment after it is fine",
                        "select :a;  \n -- done\n", "select ?", List.of("a")),
                Arguments.of("a semicolon in a literal is text",
                        "select ';' || :a", "select ';' || ?", List.of("a")),
                Arguments.of("underscores and digits belong to the name",
                        "select :period_start2, :_x", "select ?, ?", List.of("period_start2", "_x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void translations(String behaviour, String sql, String expectedJdbc, List<String> expectedBindOrder) {
        SqlTemplate template = SqlTemplate.parse(sql);

        assertThat(jdbc(template)).isEqualTo(expectedJdbc);
        assertThat(bindOrder(template)).containsExactlyElementsOf(expectedBindOrder);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("positional parameters are refused", "select * from t where a = $1",
                        "positional parameters ($1) are not supported: use :name"),
                Arguments.of("two statements are refused", "select 1; select 2", "only one SQL statement is allowed"),
                Arguments.of("a statement hidden after a comment is refused", "select 1; -- x\nselect 2",
                        "only one SQL statement is allowed"),
                Arguments.of("a write after a select is refused", "select :a; delete from t",
                        "only one SQL statement is allowed"),
                Arguments.of("an unterminated string literal is refused", "select 'abc", "unterminated string literal"),
                Arguments.of("an E string ending on an escaped quote is unterminated", "select E'abc\\'",
                        "unterminated string literal"),
                Arguments.of("an unterminated quoted identifier is refused", "select \"abc", "unterminated quoted identifier"),
                Arguments.of("an unterminated dollar quote is refused", "select $$abc", "unterminated dollar-quoted string"),
                Arguments.of("a dollar quote closed by another tag is unterminated", "select $a$ x $b$",
                        "unterminated dollar-quoted string"),
                Arguments.of("an unterminated block comment is refused", "select 1 /* x", "unterminated comment"),
                Arguments.of("a nested block comment closed once is unterminated", "select 1 /* /* */", "unterminated comment"),
                Arguments.of("blank SQL is refused", "   ", "SQL must not be blank"),
                Arguments.of("SQL longer than the cap is refused", "select " + "1".repeat(SqlTemplate.MAX_LENGTH),
                        "SQL must be at most 20000 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refusals(String behaviour, String sql, String message) {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> SqlTemplate.parse(sql)).withMessage("sql: " + message);
    }

    @Test
    void null_sql_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> SqlTemplate.parse(null));
    }

    @Test
    void parameter_names_are_distinct_in_order_of_first_use() {
        SqlTemplate template = SqlTemplate.parse("select :b, :a, :b, ':c'");

        assertThat(template.parameterNames()).containsExactly("b", "a");
    }

    @Test
    void binding_carries_typed_values_in_placeholder_order() {
        SqlTemplate template = SqlTemplate.parse(DashboardBuilder.DYNAMIC_STATUS_SQL);

        BoundStatement bound = template.bind(name -> new SqlParam.TextParam("Act%"));

        assertThat(bound.sql()).doesNotContain(":search").doesNotContain("Act%");
        assertThat(bound.parameters()).containsExactly(new SqlParam.TextParam("Act%"), new SqlParam.TextParam("Act%"));
    }

    @Test
    void binding_without_a_value_for_a_name_fails_loudly() {
        SqlTemplate template = SqlTemplate.parse("select :a");

        assertThatNullPointerException().isThrownBy(() -> template.bind(name -> null)).withMessage("no value for :a");
    }

    @Test
    void templates_compare_by_source_and_print_it() {
        assertThat(SqlTemplate.parse("select :a")).isEqualTo(SqlTemplate.parse("select :a"))
                .hasSameHashCodeAs(SqlTemplate.parse("select :a")).hasToString("select :a");
        assertThat(SqlTemplate.parse("select :a")).isNotEqualTo(SqlTemplate.parse("select :b"));
    }
}
