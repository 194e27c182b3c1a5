package io.dashshare.adapter.http.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.application.port.in.ShareStatisticsUseCase;
import io.dashshare.domain.port.AuditEvents;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /api/v1/shares/{id}/stats} (docs/api.md, share statistics): 30 UTC days, every day present. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ShareStatsView(String shareId, long views, long executions, long exports, long uniqueViewers,
                             @Nullable @Schema(format = "date-time", nullable = true) String lastViewedAt, List<DayView> byDay) {

    public static ShareStatsView from(ShareStatisticsUseCase.ShareStatistics statistics) {
        AuditEvents.ShareStats s = statistics.stats();
        return new ShareStatsView(statistics.shareId().toString(), s.views(), s.executions(), s.exports(),
                s.uniqueViewers(), s.lastViewedAt() == null ? null : AuditEventView.at(s.lastViewedAt()),
                s.byDay().stream().map(d -> new DayView(d.day().toString(), d.views(), d.executions(), d.exports()))
                        .toList());
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DayView(@Schema(format = "date") String day, long views, long executions, long exports) {
    }
}
