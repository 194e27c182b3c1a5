package io.dashshare.domain.sql;

import io.dashshare.domain.common.Text;
import io.dashshare.domain.error.InvalidValueException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Owner-written SQL with named parameters ({@code :name}). Parsing finds the parameters
 * outside string literals, quoted identifiers, dollar quotes and comments, keeps {@code ::}
 * casts, and produces JDBC SQL where every parameter is a {@code ?} placeholder: values are
 * only ever bound, never spliced. One statement only.
 */
public final class SqlTemplate {

    public static final int MAX_LENGTH = 20_000;

    private final String source;
    private final String jdbcSql;
    private final List<String> placeholders;

    private SqlTemplate(String source, String jdbcSql, List<String> placeholders) {
        this.source = source;
        this.jdbcSql = jdbcSql;
        this.placeholders = List.copyOf(placeholders);
    }

    /** Refuses SQL it cannot bind safely with {@link InvalidValueException} (field {@code sql}) naming the problem. */
    public static SqlTemplate parse(String sql) {
        if (sql == null || sql.isBlank()) {
            throw refused("SQL must not be blank");
        }
        if (sql.length() > MAX_LENGTH) {
            throw refused("SQL must be at most " + MAX_LENGTH + " characters");
        }
        if (Text.hasForbiddenControl(sql)) {
            // PostgreSQL cannot take a NUL in a statement; no SQL needs another control character.
            throw refused("SQL must not contain control characters");
        }
        return new Parser(sql).parse();
    }

    private static InvalidValueException refused(String reason) {
        return new InvalidValueException("sql", reason);
    }

    public String source() {
        return source;
    }

    /** Names used, in order of first use. */
    public Set<String> parameterNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(placeholders));
    }

    public BoundStatement bind(Function<String, SqlParam> valueOf) {
        List<SqlParam> values = new ArrayList<>(placeholders.size());
        for (String name : placeholders) {
            values.add(Objects.requireNonNull(valueOf.apply(name), () -> "no value for :" + name));
        }
        return new BoundStatement(jdbcSql, values);
    }

    String jdbcSql() {
        return jdbcSql;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqlTemplate other && other.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }

    private static final class Parser {
        private final String in;
        private final StringBuilder out = new StringBuilder();
        private final List<String> names = new ArrayList<>();
        private int i;

        Parser(String in) {
            this.in = in;
        }

        SqlTemplate parse() {
            while (i < in.length()) {
                char c = in.charAt(i);
                if (c == '\'') {
                    boolean escapes = i > 0 && (in.charAt(i - 1) == 'E' || in.charAt(i - 1) == 'e')
                            && (i < 2 || !isIdentifierChar(in.charAt(i - 2)));
                    copyQuoted('\'', escapes, "string literal");
                } else if (c == '"') {
                    copyQuoted('"', false, "quoted identifier");
                } else if (c == '-' && peek(1) == '-') {
                    copyLineComment();
                } else if (c == '/' && peek(1) == '*') {
                    copyBlockComment();
                } else if (c == '$') {
                    dollar();
                } else if (c == ':' && peek(1) == ':') {
                    out.append("::");
                    i += 2;
                } else if (c == ':' && isIdentifierStart(peek(1))) {
                    parameter();
                } else if (c == '?') {
                    // pgjdbc reads a bare ? as a placeholder; ?? is its escape for the operator.
                    out.append("??");
                    i++;
                } else if (c == ';') {
                    semicolon();
                } else {
                    out.append(c);
                    i++;
                }
            }
            return new SqlTemplate(in, out.toString().strip(), names);
        }

        private char peek(int ahead) {
            int at = i + ahead;
            return at < in.length() ? in.charAt(at) : '\0';
        }

        private void parameter() {
            int start = i + 1;
            int end = start;
            while (end < in.length() && isIdentifierChar(in.charAt(end))) {
                end++;
            }
            names.add(in.substring(start, end));
            out.append('?');
            i = end;
        }

        private void copyQuoted(char quote, boolean backslashEscapes, String what) {
            int start = i;
            i++;
            while (i < in.length()) {
                char c = in.charAt(i);
                if (backslashEscapes && c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    if (peek(1) == quote) {
                        i += 2;
                        continue;
                    }
                    i++;
                    out.append(in, start, i);
                    return;
                }
                i++;
            }
            throw refused("unterminated " + what);
        }

        private void copyLineComment() {
            int end = in.indexOf('\n', i);
            end = end < 0 ? in.length() : end;
            out.append(in, i, end);
            i = end;
        }

        private void copyBlockComment() {
            int start = i;
            int depth = 0;
            while (i < in.length()) {
                if (in.charAt(i) == '/' && peek(1) == '*') {
                    depth++;
                    i += 2;
                } else if (in.charAt(i) == '*' && peek(1) == '/') {
                    depth--;
                    i += 2;
                    if (depth == 0) {
                        out.append(in, start, i);
                        return;
                    }
                } else {
                    i++;
                }
            }
            throw refused("unterminated comment");
        }

        private void dollar() {
            // Inside an identifier (a$1) a dollar is an identifier character, nothing more.
            if (i > 0 && isIdentifierChar(in.charAt(i - 1))) {
                out.append('$');
                i++;
                return;
            }
            if (Character.isDigit(peek(1))) {
                throw refused("positional parameters ($1) are not supported: use :name");
            }
            int end = i + 1;
            while (end < in.length() && isIdentifierChar(in.charAt(end))) {
                end++;
            }
            if (end >= in.length() || in.charAt(end) != '$') {
                out.append('$');
                i++;
                return;
            }
            String tag = in.substring(i, end + 1);
            int close = in.indexOf(tag, end + 1);
            if (close < 0) {
                throw refused("unterminated dollar-quoted string");
            }
            out.append(in, i, close + tag.length());
            i = close + tag.length();
        }

        private void semicolon() {
            int j = i + 1;
            while (j < in.length()) {
                char c = in.charAt(j);
                if (Character.isWhitespace(c)) {
                    j++;
                } else if (c == '-' && j + 1 < in.length() && in.charAt(j + 1) == '-') {
                    int nl = in.indexOf('\n', j);
                    j = nl < 0 ? in.length() : nl;
                } else {
                    throw refused("only one SQL statement is allowed");
                }
            }
            i = in.length();
        }

        private static boolean isIdentifierStart(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }

        private static boolean isIdentifierChar(char c) {
            return isIdentifierStart(c) || (c >= '0' && c <= '9');
        }
    }
}
