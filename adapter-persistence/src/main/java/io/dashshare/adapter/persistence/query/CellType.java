package io.dashshare.adapter.persistence.query;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How one result column is read into a portable cell ({@code Long}, {@code BigDecimal},
 * {@code Boolean}, ISO-8601 or plain {@code String}, or null) and which portable type its
 * {@code Column} reports. Anything not recognised is read as text.
 */
enum CellType {

    INTEGER("number") {
        @Override
        Object read(ResultSet rows, int c) throws SQLException {
            long value = rows.getLong(c);
            return rows.wasNull() ? null : value;
        }
    },
    DECIMAL("number") {
        @Override
        Object read(ResultSet rows, int c) throws SQLException {
            // Read as text: NaN and Infinity exist in numeric but not in BigDecimal.
            String text = rows.getString(c);
            return text == null ? null : decimalOrNull(text);
        }
    },
    FLOAT("number") {
        @Override
        Object read(ResultSet rows, int c) throws SQLException {
            double value = rows.getDouble(c);
            return rows.wasNull() || Double.isNaN(value) || Double.isInfinite(value) ? null : BigDecimal.valueOf(value);
        }
    },
    BOOLEAN("boolean") {
        @Override
        Object read(ResultSet rows, int c) throws SQLException {
            boolean value = rows.getBoolean(c);
            return rows.wasNull() ? null : value;
        }
    },
    DATE("date") {
        @Override
        Object read(ResultSet rows, int c) throws SQLException {
            LocalDate value = rows.getObject(c, LocalDate.class);
            return value == null ? null : value.toString();
        }
    },
    TIMESTAMP("timestamp") {
        @Override
        Object read(ResultSet rows, int c) throws SQLException {
            LocalDateTime value = rows.getObject(c, LocalDateTime.class);
            return value == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value);
        }
    },
    TIMESTAMPTZ("timestamp") {
        @Override
        Object read(ResultSet rows, int c) throws SQLException {
            OffsetDateTime value = rows.getObject(c, OffsetDateTime.class);
            return value == null ? null : value.toInstant().toString();
        }
    },
    JSON("json") {
        @Override
        Object read(ResultSet rows, int c) throws SQLException {
            return rows.getString(c);
        }
    },
    TEXT("text") {
        @Override
        Object read(ResultSet rows, int c) throws SQLException {
            return rows.getString(c);
        }
    };

    private final String portableName;

    CellType(String portableName) {
        this.portableName = portableName;
    }

    /** The type a {@code Column} reports: number, text, date, timestamp, boolean or json. */
    String portableName() {
        return portableName;
    }

    /** The cell in column {@code c} (1-based) of the row the cursor is on. */
    abstract Object read(ResultSet rows, int c) throws SQLException;

    /**
     * PostgreSQL's own type name first: pgjdbc reports {@code bool} as {@code Types.BIT}, json and
     * jsonb as {@code Types.OTHER}, and timestamptz as {@code Types.TIMESTAMP}.
     */
    static CellType of(int jdbcType, String typeName) {
        String pgType = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        switch (pgType) {
            case "bool":
                return BOOLEAN;
            case "json":
            case "jsonb":
                return JSON;
            case "timestamptz":
                return TIMESTAMPTZ;
            default:
                break;
        }
        switch (jdbcType) {
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
                return INTEGER;
            case Types.NUMERIC:
            case Types.DECIMAL:
                return DECIMAL;
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
                return FLOAT;
            case Types.BOOLEAN:
                return BOOLEAN;
            case Types.DATE:
                return DATE;
            case Types.TIMESTAMP:
                return TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return TIMESTAMPTZ;
            default:
                return TEXT;
        }
    }

    private static BigDecimal decimalOrNull(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
