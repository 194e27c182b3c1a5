package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.security.OwnerTokens;
import io.dashshare.adapter.http.view.OwnerViews;
import io.dashshare.adapter.http.web.Bodies;
import io.dashshare.adapter.http.web.Responses;
import io.dashshare.application.port.in.ManageSharesUseCase;
import io.dashshare.application.port.in.NewShare;
import io.dashshare.application.port.in.PolicyInput;
import io.dashshare.application.port.in.ShareChanges;
import io.dashshare.domain.document.Tree;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.share.ShareId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Shares of a dashboard (PRODUCT.md §5): the token is shown only on create and rotate. */
@Controller(value = "/api/v1", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SharesController {

    private static final Set<String> POLICY = Set.of("filter_slug", "filter_kind", "mode", "allowed_values", "value");

    private final ManageSharesUseCase shares;
    private final Clock clock = Clock.systemUTC();

    public SharesController(ManageSharesUseCase shares) {
        this.shares = shares;
    }

    @Post("/dashboards/{id}/shares")
    public HttpResponse<byte[]> create(Authentication authentication, @PathVariable String id,
                                       @Nullable @Body byte[] body) {
        var dashboard = DashboardsController.dashboardId(id);
        Tree root = Bodies.object(body, "name", "share_type", "share_context_id", "share_filter_policies", "expires_at");
        String shareType = root.has("share_type") ? root.requiredString("share_type") : "link";
        NewShare request = new NewShare(root.requiredString("name"), shareType,
                Optional.ofNullable(root.optionalString("share_context_id")), policies(root),
                Bodies.instant(root, "expires_at"));
        return Responses.created(OwnerViews.createdShare(
                shares.create(OwnerTokens.principal(authentication), dashboard, request), clock.instant()));
    }

    @Get("/dashboards/{id}/shares")
    public HttpResponse<byte[]> list(Authentication authentication, @PathVariable String id) {
        var list = shares.list(OwnerTokens.principal(authentication), DashboardsController.dashboardId(id));
        return Responses.ok(Map.of("shares", OwnerViews.shares(list, clock.instant())));
    }

    @Get("/shares/{id}")
    public HttpResponse<byte[]> get(Authentication authentication, @PathVariable String id) {
        return Responses.ok(OwnerViews.share(shares.get(OwnerTokens.principal(authentication), shareId(id)),
                clock.instant()));
    }

    /** Absent members stay as they are; {@code "expires_at": null} removes the expiry. */
    @Patch("/shares/{id}")
    public HttpResponse<byte[]> update(Authentication authentication, @PathVariable String id,
                                       @Nullable @Body byte[] body) {
        ShareId share = shareId(id);
        Tree root = Bodies.object(body, "name", "share_filter_policies", "expires_at");
        Optional<String> name = root.has("name") ? Optional.of(root.requiredString("name")) : Optional.empty();
        Optional<List<PolicyInput>> policies = Optional.empty();
        if (root.has("share_filter_policies")) {
            if (root.raw("share_filter_policies") == null) {
                throw SharingException.invalidRequest("share_filter_policies",
                        "share_filter_policies must be an array (send [] to remove every policy)");
            }
            policies = Optional.of(policies(root));
        }
        Optional<Optional<Instant>> expiresAt = root.has("expires_at")
                ? Optional.of(Bodies.instant(root, "expires_at")) : Optional.empty();
        return Responses.ok(OwnerViews.share(shares.update(OwnerTokens.principal(authentication), share,
                new ShareChanges(name, policies, expiresAt)), clock.instant()));
    }

    /** Revokes (the share stays listed, with {@code status: revoked}). */
    @Delete("/shares/{id}")
    public HttpResponse<byte[]> revoke(Authentication authentication, @PathVariable String id) {
        return Responses.ok(OwnerViews.share(shares.revoke(OwnerTokens.principal(authentication), shareId(id)),
                clock.instant()));
    }

    @Post("/shares/{id}/rotate-token")
    public HttpResponse<byte[]> rotate(Authentication authentication, @PathVariable String id) {
        return Responses.ok(OwnerViews.createdShare(
                shares.rotateToken(OwnerTokens.principal(authentication), shareId(id)), clock.instant()));
    }

    private static List<PolicyInput> policies(Tree root) {
        List<Object> nodes = root.list("share_filter_policies", false);
        List<PolicyInput> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Tree policy = Tree.object(nodes.get(i), "share_filter_policies[" + i + "]").onlyKnown(POLICY);
            List<RawValue> allowed = new ArrayList<>();
            for (Object value : policy.list("allowed_values", false)) {
                allowed.add(Tree.toRaw(value));
            }
            RawValue value = policy.has("value") ? Tree.toRaw(policy.raw("value")) : null;
            out.add(new PolicyInput(policy.requiredString("filter_slug"), policy.requiredString("filter_kind"),
                    policy.requiredString("mode"), allowed, value));
        }
        return out;
    }

    private static ShareId shareId(String id) {
        return new ShareId(Bodies.id(id, "share"));
    }
}
