package io.dashshare.adapter.http.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import io.dashshare.domain.execution.Column;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV of an export (docs/api.md, exports): RFC 4180 through FastCSV (comma, double quotes
 * doubled inside quoted fields, CRLF), a header row of column names, numbers as numbers, dates and
 * timestamps as the ISO text the executor gives them, a null as an empty field and an empty text
 * as {@code ""} (as PostgreSQL's own {@code COPY ... CSV} tells them apart).
 *
 * <p>CSV injection: a text cell (and a column name) that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, TAB or CR would be read as a formula by a spreadsheet, so it gets a
 * leading {@code '} and is quoted. Only text: {@code -5} in a number column stays {@code -5}.
 * Columns of type json are left alone because valid JSON can begin with none of those but
 * {@code -} (a number) and whitespace before a value, neither of which makes a formula.
 */
final class CsvFormat {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** Quote when RFC 4180 requires it (FastCSV always does), and also an empty text, a NUL or a guarded cell. */
    private static final QuoteStrategy QUOTES = new QuoteStrategy() {
        @Override
        public boolean quoteEmpty(int lineNo, int fieldIdx) {
            return true;
        }

        @Override
        public boolean quoteNonEmpty(int lineNo, int fieldIdx, String value) {
            return value.charAt(0) == '\'' || value.indexOf('\0') >= 0;
        }
    };

    private final boolean[] guarded;

    private CsvFormat(boolean[] guarded) {
        this.guarded = guarded;
    }

    static CsvFormat of(List<Column> columns) {
        boolean[] guarded = new boolean[columns.size()];
        for (int i = 0; i < guarded.length; i++) {
            guarded[i] = "text".equals(columns.get(i).type());
        }
        return new CsvFormat(guarded);
    }

    /** FastCSV on {@code out}; it buffers, so the caller flushes. */
    static CsvWriter writer(Writer out) {
        return CsvWriter.builder().fieldSeparator(',').quoteCharacter('"').lineDelimiter(LineDelimiter.CRLF)
                .quoteStrategy(QUOTES).build(out);
    }

    void header(CsvWriter csv, List<Column> columns) {
        List<String> names = new ArrayList<>(columns.size());
        for (Column column : columns) {
            names.add(guard(column.name()));
        }
        csv.writeRecord(names);
    }

    void row(CsvWriter csv, List<Object> cells) {
        CsvWriter.CsvWriterRecord record = csv.writeRecord();
        for (int i = 0; i < cells.size(); i++) {
            record.writeField(text(cells.get(i), i < guarded.length && guarded[i]));
        }
        record.endRecord();
    }

    private static String text(Object cell, boolean guarded) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof BigDecimal decimal) {
            // Never 1E+3: a spreadsheet reads plain digits as the same number, and so does a person.
            return decimal.toPlainString();
        }
        if (cell instanceof String text) {
            return guarded ? guard(text) : text;
        }
        return cell.toString();
    }

    static String guard(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
