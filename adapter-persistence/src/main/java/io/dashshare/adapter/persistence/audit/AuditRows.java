package io.dashshare.adapter.persistence.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditEvent;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The rows of {@code sharing.audit_events} (V8__audit_events.sql, docs/api.md, audit log): an event
 * as its columns' text, and the two statements that write a batch of them.
 *
 * <p>One statement per batch. A batch's first attempt is a {@code COPY ... FROM STDIN (FORMAT csv)}:
 * PostgreSQL parses each value once, straight into its column, which took its CPU per event from
 * about 19 us (the arrays of the insert below: each value parsed as text, then cast) to about 13 us,
 * most of what an event cost a viewer on a machine the database shares (bench/README.md, audit
 * overhead). A retried batch may have reached the table before its connection failed, so a retry
 * is the constant {@code insert ... select * from unnest(...) on conflict do nothing}, whose ids
 * say what is there already; COPY has no such clause. Both stream or bind the values, never
 * render them into SQL text.
 */
final class AuditRows {

    private static final String COLUMN_LIST = "id, at, company_id, type, flow, actor_type, actor_id, actor_email,"
            + " actor_name, dashboard_id, share_id, context_id, parameters, details, outcome, row_count, client_ip,"
            + " user_agent, request_id";
    /** How many columns {@link #COLUMN_LIST} names. */
    private static final int COLUMNS = 19;
    private static final String COPY = "copy \"sharing\".\"audit_events\" (" + COLUMN_LIST + ") from stdin (format csv)";
    private static final String INSERT = "insert into \"sharing\".\"audit_events\" (" + COLUMN_LIST + ")"
            + " select * from unnest(cast(cast(? as text[]) as uuid[]), cast(cast(? as text[]) as timestamptz[]),"
            + " cast(cast(? as text[]) as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(cast(? as text[]) as uuid[]),"
            + " cast(cast(? as text[]) as uuid[]), cast(cast(? as text[]) as uuid[]),"
            + " cast(cast(? as text[]) as jsonb[]), cast(cast(? as text[]) as jsonb[]), cast(? as text[]),"
            + " cast(cast(? as text[]) as int4[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))"
            + " on conflict do nothing";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DSLContext db;

    AuditRows(DSLContext db) {
        this.db = db;
    }

    /** One event as the text of the table's 19 columns, in the order of {@link #COLUMN_LIST}; null for SQL null. */
    static String[] columns(AuditEvent event) {
        Actor actor = Actor.of(event.actor());
        return new String[] {
            event.id().toString(),
            event.at().toString(),
            event.companyId().value().toString(),
            event.type().wire(),
            event.flow().wire(),
            event.actor().type(),
            actor.id(),
            actor.email(),
            actor.name(),
            event.dashboardId() == null ? null : event.dashboardId().value().toString(),
            event.shareId() == null ? null : event.shareId().value().toString(),
            event.contextId() == null ? null : event.contextId().value().toString(),
            json(event.parameters()),
            json(event.details()),
            event.outcome(),
            event.rowCount() == null ? null : event.rowCount().toString(),
            event.client().ip(),
            event.client().userAgent(),
            event.client().requestId(),
        };
    }

    /**
     * The batch as CSV on one COPY. In PostgreSQL's CSV format an unquoted empty field is null and a
     * quoted one the empty string, which is FastCSV's {@link QuoteStrategies#EMPTY}: a null column
     * is written empty, an empty string as {@code ""}; quotes, commas and line breaks are quoted.
     */
    void copy(List<String[]> rows) {
        StringWriter csv = new StringWriter(rows.size() * 256);
        try (CsvWriter writer = CsvWriter.builder().quoteStrategy(QuoteStrategies.EMPTY)
                .lineDelimiter(LineDelimiter.LF).build(csv)) {
            for (String[] row : rows) {
                writer.writeRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        db.connection(connection -> {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try {
                copy.copyIn(COPY, new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The retry: the batch as 19 arrays, one per column, and only the events not in the table yet. */
    void insertMissing(List<String[]> rows) {
        int n = rows.size();
        Object[] binds = new Object[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) {
            String[] column = new String[n];
            for (int i = 0; i < n; i++) {
                column[i] = rows.get(i)[c];
            }
            binds[c] = column;
        }
        db.query(INSERT, binds).execute();
    }

    private static String json(Map<String, Object> values) {
        if (values.isEmpty()) {
            return "{}";
        }
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit values are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The actor in the table's three columns (V8__audit_events.sql). */
    private record Actor(String id, String email, String name) {
        static Actor of(AuditActor actor) {
            if (actor instanceof AuditActor.Email e) {
                return new Actor(null, e.email(), null);
            } else if (actor instanceof AuditActor.Embed e) {
                return new Actor(e.jti(), null, e.subject());
            } else if (actor instanceof AuditActor.Owner o) {
                return new Actor(o.id(), o.email(), null);
            } else if (actor instanceof AuditActor.ApiKey k) {
                return new Actor(k.id(), null, k.name());
            }
            return new Actor(null, null, null);
        }
    }
}
