package io.dashshare.adapter.http.export;

import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.application.port.in.WidgetExport;
import io.dashshare.domain.common.Slugs;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.error.SharingException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The answer of every export route (docs/api.md, exports): a CSV attachment streamed from the
 * widget's cursor. The body is an {@link InputStream} because Micronaut reads one on demand
 * (a chunk per request of the connection, back-pressured) and closes it when the client goes
 * away; a {@code Writable} would be rendered whole into memory before the first byte is sent.
 */
@Singleton
public final class Downloads {

    /** What the body is; errors of the same routes stay JSON. */
    public static final String CSV = "text/csv";
    static final String CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

    private final ExecutorService closer;
    private final Clock clock = Clock.systemUTC();

    public Downloads(@Named(TaskExecutors.BLOCKING) ExecutorService closer) {
        this.closer = closer;
    }

    /** {@code format} absent or {@code "csv"}: the only format there is. */
    public static void requireCsv(Optional<String> format) {
        if (format.isPresent() && !format.get().equals("csv")) {
            throw new InvalidValueException("format", "must be \"csv\"");
        }
    }

    /** A slug that cannot name a widget names none of this dashboard's: 404, like any other. */
    public static WidgetSlug widget(String slug) {
        if (slug == null || !Slugs.SLUG.matcher(slug).matches()) {
            throw SharingException.notFound("Widget");
        }
        return new WidgetSlug(slug);
    }

    /** The streamed attachment; the export is closed here if the answer cannot even be built. */
    public MutableHttpResponse<InputStream> csv(HttpRequest<?> request, WidgetExport export) {
        try {
            String filename = export.dashboard().value() + "-" + export.widget().value() + "-" + LocalDate.now(clock)
                    + ".csv";
            return HttpResponse.ok((InputStream) new CsvDownload(export, closer, RequestIds.of(request)))
                    .contentType(MediaType.of(CSV_CONTENT_TYPE))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        } catch (RuntimeException e) {
            export.close();
            throw e;
        }
    }
}
