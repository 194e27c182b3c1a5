package io.dashshare.adapter.http.audit;

import io.dashshare.adapter.http.security.OwnerAccess;
import io.dashshare.adapter.http.web.PathIds;
import io.dashshare.application.port.in.ShareStatisticsUseCase;
import io.dashshare.domain.share.ShareId;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.dashshare.adapter.http.openapi.Errors;
import io.swagger.v3.oas.annotations.Operation;

/** A share's statistics from the audit log, for editors and admins (docs/api.md, share statistics). */
@Tag(name = "shares")
@SecurityRequirement(name = "owner")
@Controller(value = "/api/v1/shares", produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ShareStatsController {

    private final ShareStatisticsUseCase statistics;
    private final OwnerAccess access;

    public ShareStatsController(ShareStatisticsUseCase statistics, OwnerAccess access) {
        this.statistics = statistics;
        this.access = access;
    }

    @Get("/{id}/stats")
    @Operation(operationId = "getShareStats")
    @Errors.OwnerRole
    @Errors.NotFound
    public ShareStatsView stats(Authentication authentication, @PathVariable String id) {
        return ShareStatsView.from(statistics.shareStats(access.principal(authentication),
                new ShareId(PathIds.id(id, "share"))));
    }
}
