package io.dashshare.adapter.http.audit;

import io.dashshare.adapter.http.export.AuditCsv;
import io.dashshare.adapter.http.export.Downloads;
import io.dashshare.adapter.http.openapi.ErrorBody;
import io.dashshare.adapter.http.security.OwnerAccess;
import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.ReadAuditUseCase;
import io.dashshare.domain.port.AuditEvents;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import io.dashshare.adapter.http.openapi.Errors;
import io.swagger.v3.oas.annotations.Operation;

/** The audit log of the caller's company, admins only (docs/api.md, audit log). */
@Tag(name = "audit")
@SecurityRequirement(name = "owner")
@Controller(value = "/api/v1/audit", produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {

    private final ReadAuditUseCase audit;
    private final OwnerAccess access;
    private final ExecutorService producers;
    private final Clock clock = Clock.systemUTC();

    public AuditController(ReadAuditUseCase audit, OwnerAccess access,
                           @Named(TaskExecutors.BLOCKING) ExecutorService producers) {
        this.audit = audit;
        this.access = access;
        this.producers = producers;
    }

    /** A page of events, newest first; {@code next_cursor} continues it (null on the last page). */
    @Get("/events")
    @Operation(operationId = "listAuditEvents")
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST: a filter refused (`details.field`: from, to, type, dashboard_id, share_id, context_id, actor, limit, cursor)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.OwnerRole
    public AuditEventView.Page events(Authentication authentication,
                                      @Parameter(description = "RFC 3339, inclusive") @Nullable @QueryValue String from,
                                      @Parameter(description = "RFC 3339, exclusive") @Nullable @QueryValue String to,
                                      @Parameter(description = "event types, comma-separated") @Nullable @QueryValue String type,
                                      @Nullable @QueryValue("dashboard_id") String dashboardId,
                                      @Nullable @QueryValue("share_id") String shareId,
                                      @Nullable @QueryValue("context_id") String contextId,
                                      @Parameter(description = "an email (any case) or an id") @Nullable @QueryValue String actor,
                                      @Parameter(description = "1 to 1000, default 100") @Nullable @QueryValue String limit,
                                      @Parameter(description = "next_cursor of the previous page") @Nullable @QueryValue String cursor) {
        OwnerPrincipal owner = access.principal(authentication);
        AuditEvents.Query query = AuditFilters.query(from, to, type, dashboardId, shareId, contextId, actor);
        int size = AuditFilters.limit(limit, ReadAuditUseCase.DEFAULT_LIMIT);
        Optional<AuditEvents.Position> after = cursor == null || cursor.isEmpty() ? Optional.empty()
                : Optional.of(AuditCursor.decode(cursor));
        ReadAuditUseCase.AuditPage page = audit.events(owner, query, after, size);
        return new AuditEventView.Page(page.events().stream().map(AuditEventView::from).toList(),
                page.next().map(AuditCursor::encode).orElse(null));
    }

    /** Every event of the filters as CSV, newest first, streamed (docs/api.md, audit log: CSV columns). */
    @Get("/events.csv")
    @Produces({Downloads.CSV, MediaType.APPLICATION_JSON})
    @ApiResponse(responseCode = "200", description = "The events as CSV (RFC 4180, a header row, CRLF)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @Operation(operationId = "exportAuditEventsCsv")
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST: a filter refused (`details.field`: from, to, type, dashboard_id, share_id, context_id, actor)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.OwnerRole
    public HttpResponse<InputStream> csv(HttpRequest<?> request, Authentication authentication,
                                         @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                         @Nullable @QueryValue String type,
                                         @Nullable @QueryValue("dashboard_id") String dashboardId,
                                         @Nullable @QueryValue("share_id") String shareId,
                                         @Nullable @QueryValue("context_id") String contextId,
                                         @Nullable @QueryValue String actor) {
        OwnerPrincipal owner = access.principal(authentication);
        AuditEvents.Query query = AuditFilters.query(from, to, type, dashboardId, shareId, contextId, actor);
        // The role is checked here, before the answer starts: a refusal is still a JSON error.
        ReadAuditUseCase.AuditStream events = audit.stream(owner, query);
        String filename = "audit-events-" + LocalDate.now(clock) + ".csv";
        return HttpResponse.ok((InputStream) AuditCsv.start(events, producers, RequestIds.of(request)))
                .contentType(MediaType.of("text/csv; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
