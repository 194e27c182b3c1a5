package io.dashshare.adapter.http.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.application.port.in.ReadAuditUseCase;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.audit.AuditFlow;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.tenant.CompanyId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The audit download's stream: every event once, a client that leaves stops the producer, a late failure fails the read. */
class AuditCsvTest {

    private final ExecutorService producer = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        producer.shutdownNow();
    }

    private static AuditEvent event(long i) {
        return new AuditEvent(new UUID(0, i), Instant.parse("2026-12-01T10:00:00.123456Z").minusSeconds(i),
                new CompanyId(UUID.randomUUID()), AuditType.DASHBOARD_EXECUTED, AuditFlow.EMBED,
                new AuditActor.Embed("jti-" + i, "=sub"), null, null, null, Map.of("region", "EU"), Map.of(), "ok", 27,
                new AuditClient("203.0.113.0", "-agent", "req"));
    }

    @Test
    void every_event_is_one_guarded_crlf_row_after_the_header() throws IOException {
        ReadAuditUseCase.AuditStream events = sink -> {
            for (long i = 0; i < 5_000; i++) {
                sink.accept(event(i));
            }
        };
        String csv;
        try (InputStream in = AuditCsv.start(events, producer, "req")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = csv.split("\r\n");

        assertThat(lines).hasSize(5_001);
        assertThat(lines[0]).startsWith("id,at,type,flow,actor_type,actor_email,actor_id,actor_name,");
        assertThat(lines[1]).isEqualTo("00000000-0000-0000-0000-000000000000,2026-12-01T10:00:00.123Z,dashboard.executed,"
                + "embed,embed,,jti-0,\"'=sub\",,,,\"{\"\"region\"\":\"\"EU\"\"}\",{},ok,27,203.0.113.0,\"'-agent\",req");
    }

    @Test
    void a_client_that_goes_away_stops_the_producer_without_reading_the_rest() throws Exception {
        AtomicLong produced = new AtomicLong();
        CountDownLatch ended = new CountDownLatch(1);
        ReadAuditUseCase.AuditStream endless = sink -> {
            try {
                for (long i = 0; i < 10_000_000; i++) {
                    sink.accept(event(i));
                    produced.incrementAndGet();
                }
            } finally {
                ended.countDown();
            }
        };
        InputStream in = AuditCsv.start(endless, producer, "req");
        in.readNBytes(1000);
        in.close();

        assertThat(ended.await(5, TimeUnit.SECONDS)).as("the producer ended").isTrue();
        assertThat(produced.get()).as("a few chunks, never the whole log").isLessThan(10_000);
    }

    @Test
    void a_failure_after_the_first_bytes_fails_the_read_instead_of_ending_the_file() throws IOException {
        ReadAuditUseCase.AuditStream failing = sink -> {
            for (long i = 0; i < 2_000; i++) {
                sink.accept(event(i));
            }
            throw new IllegalStateException("the database went away");
        };
        try (InputStream in = AuditCsv.start(failing, producer, "req")) {
            assertThat(in.readNBytes(100)).hasSize(100);
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
        }
    }
}
