package io.dashshare.application.service;

import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.filter.PolicyDraft;
import io.dashshare.domain.share.ShareType;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static io.dashshare.application.testing.SharingAssertions.invalidField;
import static io.dashshare.application.testing.Values.arr;
import static io.dashshare.application.testing.Values.draft;
import static io.dashshare.application.testing.Values.disabled;
import static io.dashshare.application.testing.Values.fixed;
import static io.dashshare.application.testing.Values.selectable;
import static io.dashshare.application.testing.Values.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.port.in.CreatedShare;
import io.dashshare.application.port.in.NewShare;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.ShareChanges;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.Visualization;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.filter.FilterPolicy;
import io.dashshare.domain.filter.PolicyMode;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.testing.DashboardBuilder;
import io.dashshare.domain.testing.FilterBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ManageSharesServiceTest {

    private SharingHarness h;
    private Company acme;
    private OwnerPrincipal owner;
    private Dashboard sales;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        acme = h.company("acme");
        owner = h.ownerOf(acme);
        sales = h.salesDashboard(acme);
    }

    private CreatedShare create(PolicyDraft... policies) {
        return h.shares().create(owner, sales.id(), new NewShare("Customer portal", ShareType.LINK, Optional.empty(),
                List.of(policies), Optional.empty()));
    }

    @Test
    void creating_answers_the_token_once_and_stores_only_its_hash() {
        CreatedShare created = create();

        assertThat(created.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(created.url()).isEqualTo("https://share.example.test/s/" + created.token());
        assertThat(created.share().tokenHash()).isEqualTo(TokenHash.of(created.token()));
        assertThat(created.share().tokenHash().hex()).doesNotContain(created.token());
        assertThat(created.toString()).doesNotContain(created.token());
        assertThat(h.shares().get(owner, created.share().id()).tokenHash()).isEqualTo(TokenHash.of(created.token()));
        assertThat(create().token()).isNotEqualTo(created.token());
    }

    @Test
    void the_guides_portal_share_with_its_policy_is_created() {
        ShareContext context = h.context(owner, "External customers");

        CreatedShare created = h.shares().create(owner, sales.id(), new NewShare("Customer portal", ShareType.LINK,
                Optional.of(context.id()),
                List.of(selectable("status", "multi_select", "Active", "Pending")), Optional.empty()));

        Share share = created.share();
        assertThat(share.contextId()).contains(context.id());
        assertThat(share.policies()).hasSize(1);
        FilterPolicy policy = share.policies().get(0);
        assertThat(policy.mode()).isEqualTo(PolicyMode.SELECTABLE);
        assertThat(policy.allowedValues()).extracting(v -> v.elements().get(0)).containsExactly("Active", "Pending");
    }

    @Test
    void a_blank_name_is_invalid_request_naming_the_name() {
        invalidField("name", () -> h.shares().create(owner, sales.id(), new NewShare(" ", ShareType.LINK, Optional.empty(),
                List.of(), Optional.empty())));
        invalidField("name", () -> h.shares().create(owner, sales.id(), new NewShare(null, ShareType.LINK, Optional.empty(),
                List.of(), Optional.empty())));
    }

    @Test
    void a_context_that_is_not_the_companys_is_refused() {
        Company globex = h.company("globex");
        ShareContext theirs = h.context(h.ownerOf(globex), "Theirs");

        for (ShareContextId id : List.of(theirs.id(), new ShareContextId(new java.util.UUID(0, 0)))) {
            invalidField("share_context_id", () -> h.shares().create(owner, sales.id(), new NewShare("x", ShareType.LINK,
                    Optional.of(id), List.of(), Optional.empty())));
        }
    }

    @Nested
    class PolicyValidation {

        @Test
        void an_unknown_filter_slug_names_the_policy() {
            invalidField("share_filter_policies[1].filter_slug", () -> create(disabled("region", "select"),
                    disabled("amount", "number")));
        }

        @Test
        void a_kind_that_does_not_match_the_filter_names_the_policy() {
            invalidField("share_filter_policies[0].filter_kind", () -> create(selectable("status", "select", "Active")));
        }

        @Test
        void an_allowed_value_outside_static_options_or_of_the_wrong_type_names_the_policy() {
            invalidField("share_filter_policies[0].allowed_values[1]", () -> create(selectable("region", "select", "north", "atlantis")));
            invalidField("share_filter_policies[0].allowed_values[0]", () -> create(selectable("period_start", "date", "yesterday")));
            invalidField("share_filter_policies[0].allowed_values[0]", () -> create(draft("status", "multi_select",
                    PolicyMode.SELECTABLE, List.of(new RawValue.Obj()), null)));
        }

        @Test
        void a_selectable_policy_needs_allowed_values() {
            invalidField("share_filter_policies[0].allowed_values", () -> create(selectable("status", "multi_select")));
        }

        @Test
        void a_fixed_policy_needs_a_value_that_fits_the_filter() {
            invalidField("share_filter_policies[0].value", () -> create(fixed("region", "select", null)));
            invalidField("share_filter_policies[0].value", () -> create(fixed("region", "select", RawValue.NULL)));
            invalidField("share_filter_policies[0].value", () -> create(fixed("region", "select", str("atlantis"))));
            invalidField("share_filter_policies[0].value", () -> create(fixed("status", "multi_select", arr())));
            invalidField("share_filter_policies[0].value", () -> create(fixed("period_start", "date", str(""))));
            invalidField("share_filter_policies[0].allowed_values", () -> create(draft("region", "select", PolicyMode.FIXED,
                    List.of(str("north")), str("north"))));
        }

        @Test
        void a_disabled_policy_takes_no_values() {
            invalidField("share_filter_policies[0].allowed_values", () -> create(draft("region", "select", PolicyMode.DISABLED,
                    List.of(str("north")), null)));
        }

        @Test
        void a_required_filter_without_default_cannot_be_disabled() {
            Dashboard strict = h.dashboard(acme, DashboardBuilder.aDashboard().withSlug("strict")
                    .withFilter(FilterBuilder.aTextFilter("customer").required())
                    .withWidget("rows", Visualization.TABLE, "select * from t where c = :customer"));
            invalidField("share_filter_policies[0]", () -> h.shares().create(owner, strict.id(), new NewShare("x",
                    ShareType.LINK, Optional.empty(), List.of(disabled("customer", "text")), Optional.empty())));
        }

        @Test
        void two_policies_for_one_filter_name_the_second() {
            invalidField("share_filter_policies[1]", () -> create(fixed("region", "select", str("north")),
                    disabled("region", "select")));
        }

        @Test
        void the_filter_kind_may_be_left_out() {
            CreatedShare created = create(draft("region", null, PolicyMode.FIXED, List.of(), str("north")));

            assertThat(created.share().policies().get(0).value()).hasValueSatisfying(v ->
                    assertThat(v.elements()).containsExactly("north"));
        }

        @Test
        void an_update_validates_policies_the_same_way() {
            CreatedShare created = create();

            invalidField("share_filter_policies[0].allowed_values[0]", () -> h.shares().update(owner, created.share().id(),
                    new ShareChanges(Optional.empty(), Optional.of(List.of(selectable("region", "select", "atlantis"))),
                            Optional.empty())));
        }
    }

    @Test
    void revoking_cuts_access_at_once_and_twice_is_harmless() {
        CreatedShare created = create();
        h.publicShares().resolve(created.token());

        Share revoked = h.shares().revoke(owner, created.share().id());
        h.clock().advance(Duration.ofMinutes(1));
        Share again = h.shares().revoke(owner, created.share().id());

        failsWith(ErrorCode.TOKEN_INVALID, () -> h.publicShares().resolve(created.token()));
        assertThat(again.revokedAt()).isEqualTo(revoked.revokedAt()).isPresent();
    }

    @Test
    void rotating_refuses_the_old_token_at_once_and_answers_a_new_one() {
        CreatedShare created = create();

        CreatedShare rotated = h.shares().rotateToken(owner, created.share().id());

        assertThat(rotated.token()).isNotEqualTo(created.token());
        assertThat(rotated.share().id()).isEqualTo(created.share().id());
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.publicShares().resolve(created.token()));
        assertThat(h.publicShares().resolve(rotated.token())).isNotNull();
    }

    @Test
    void a_revoked_share_gets_no_new_token() {
        CreatedShare created = create();
        h.shares().revoke(owner, created.share().id());

        invalidField("share", () -> h.shares().rotateToken(owner, created.share().id()));
    }

    @Test
    void an_expiry_must_be_in_the_future() {
        Instant now = h.clock().instant();
        for (Instant at : List.of(now, now.minusSeconds(1))) {
            invalidField("expires_at", () -> h.shares().create(owner, sales.id(), new NewShare("x", ShareType.LINK,
                    Optional.empty(), List.of(), Optional.of(at))));
            CreatedShare created = create();
            invalidField("expires_at", () -> h.shares().update(owner, created.share().id(), new ShareChanges(
                    Optional.empty(), Optional.empty(), Optional.of(Optional.of(at)))));
        }
    }

    @Test
    void an_expiry_can_be_set_and_removed() {
        CreatedShare created = create();
        Instant soon = h.clock().instant().plusSeconds(60);

        Share expiring = h.shares().update(owner, created.share().id(), new ShareChanges(Optional.of("Renamed"),
                Optional.empty(), Optional.of(Optional.of(soon))));
        assertThat(expiring.expiresAt()).contains(soon);
        assertThat(expiring.name()).isEqualTo("Renamed");

        Share open = h.shares().update(owner, created.share().id(), new ShareChanges(Optional.empty(),
                Optional.empty(), Optional.of(Optional.empty())));
        h.clock().advance(Duration.ofMinutes(5));
        assertThat(open.expiresAt()).isEmpty();
        assertThat(h.publicShares().resolve(created.token())).isNotNull();
    }

    @Test
    void another_companys_shares_and_dashboards_are_not_found() {
        CreatedShare ours = create();
        Company globex = h.company("globex");
        OwnerPrincipal intruder = h.ownerOf(globex);
        var id = ours.share().id();

        failsWith(ErrorCode.NOT_FOUND, () -> h.shares().get(intruder, id));
        failsWith(ErrorCode.NOT_FOUND, () -> h.shares().revoke(intruder, id));
        failsWith(ErrorCode.NOT_FOUND, () -> h.shares().rotateToken(intruder, id));
        failsWith(ErrorCode.NOT_FOUND, () -> h.shares().update(intruder, id, new ShareChanges(Optional.of("mine"),
                Optional.empty(), Optional.empty())));
        failsWith(ErrorCode.NOT_FOUND, () -> h.shares().list(intruder, sales.id()));
        failsWith(ErrorCode.NOT_FOUND, () -> h.shares().create(intruder, sales.id(), new NewShare("x", ShareType.LINK,
                Optional.empty(), List.of(), Optional.empty())));

        assertThat(h.publicShares().resolve(ours.token())).isNotNull();
        assertThat(h.shares().get(owner, id).name()).isEqualTo("Customer portal");
    }

    @Test
    void listing_shows_the_dashboards_shares_only() {
        CreatedShare a = create();
        CreatedShare b = create();
        h.publicShare(owner, h.dashboard(h.store().companies().findById(owner.companyId()).orElseThrow(),
                io.dashshare.domain.testing.DashboardBuilder.aSalesDashboard().withSlug("other")));

        assertThat(h.shares().list(owner, sales.id())).extracting(Share::id)
                .containsExactlyInAnyOrder(a.share().id(), b.share().id());
    }
}
