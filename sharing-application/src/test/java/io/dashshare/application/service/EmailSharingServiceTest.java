package io.dashshare.application.service;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static io.dashshare.application.testing.SharingAssertions.invalidField;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.port.in.NewMember;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.PortalTokens;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.common.EmailDomain;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Domain members, member expiry, owners' view of portal sessions, and signing out everywhere. */
class EmailSharingServiceTest {

    private SharingHarness h;
    private Company acme;
    private OwnerPrincipal owner;
    private ShareContext customers;
    private io.dashshare.domain.dashboard.Dashboard sales;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        acme = h.company("acme");
        owner = h.ownerOf(acme);
        customers = h.context(owner, "Customers");
        sales = h.salesDashboard(acme);
        h.portalShare(owner, sales, customers);
    }

    private Member domainMember(ShareContext context, String domain, Optional<Instant> expiresAt) {
        return h.contexts().addMember(owner, context.id(),
                new NewMember.EmailDomainMember(EmailDomain.parse(domain).orElseThrow(), expiresAt));
    }

    private Member addressMember(ShareContext context, String email, Optional<Instant> expiresAt) {
        return h.contexts().addMember(owner, context.id(),
                new NewMember.ExternalEmail(EmailAddress.parse(email).orElseThrow(), expiresAt));
    }

    @Nested
    class DomainMembers {

        @Test
        void anyone_exactly_at_the_domain_gets_a_code_and_signs_in_and_no_one_at_a_subdomain() {
            domainMember(customers, "customer.com", Optional.empty());

            h.requestCode("acme", "Jane.Doe@Customer.COM");
            PortalTokens tokens = h.verify("acme", "jane.doe@customer.com", h.mailer().lastCodeFor("jane.doe@customer.com"));
            h.requestCode("acme", "jane@eu.customer.com");

            assertThat(tokens.contexts()).containsExactly(customers);
            assertThat(h.mailer().sentTo("jane@eu.customer.com")).isEmpty();
        }

        @Test
        void a_unicode_domain_admits_addresses_typed_in_unicode_or_punycode() {
            domainMember(customers, "Bücher.example", Optional.empty());

            h.requestCode("acme", "anna@BÜCHER.example");
            h.requestCode("acme", "ben@xn--bcher-kva.example");

            assertThat(h.mailer().sentTo("anna@xn--bcher-kva.example")).hasSize(1);
            assertThat(h.mailer().sentTo("ben@xn--bcher-kva.example")).hasSize(1);
        }

        @Test
        void a_free_mail_domain_is_refused_with_reason_public_email_domain() {
            var refused = invalidField("domain", () -> domainMember(customers, "GMX.net", Optional.empty()));

            assertThat(refused.details()).containsEntry("reason", "public_email_domain");
            assertThat(h.contexts().members(owner, customers.id())).isEmpty();
        }

        @Test
        void the_portal_shows_what_every_context_admitting_the_person_shares() {
            ShareContext partners = h.context(owner, "Partners");
            h.portalShare(owner, sales, partners);
            domainMember(customers, "customer.com", Optional.empty());
            addressMember(partners, "jane@customer.com", Optional.empty());

            PortalTokens tokens = h.login("acme", "jane@customer.com");

            assertThat(h.portal().dashboards(h.viewer("acme", tokens))).singleElement()
                    .satisfies(d -> assertThat(d.contexts()).containsExactlyInAnyOrder(customers, partners));
            assertThat(tokens.contexts()).containsExactlyInAnyOrder(customers, partners);
        }
    }

    @Nested
    class Expiry {

        @Test
        void an_expired_member_gets_no_code() {
            addressMember(customers, "jane@customer.com", Optional.of(h.clock().instant().plusSeconds(60)));
            h.clock().advance(Duration.ofSeconds(60));

            h.requestCode("acme", "jane@customer.com");

            assertThat(h.mailer().sent()).isEmpty();
        }

        @Test
        void a_session_stops_the_moment_its_members_expiry_passes_and_cannot_be_refreshed() {
            domainMember(customers, "customer.com", Optional.of(h.clock().instant().plus(Duration.ofMinutes(30))));
            PortalTokens tokens = h.login("acme", "jane@customer.com");
            h.clock().advance(Duration.ofMinutes(29));
            PortalTokens refreshed = h.refreshSessions().refresh(tokens.refreshToken());
            assertThat(h.viewer("acme", refreshed).contexts()).containsExactly(customers);

            h.clock().advance(Duration.ofMinutes(1));

            failsWith(ErrorCode.TOKEN_INVALID, () -> h.viewer("acme", refreshed));
            failsWith(ErrorCode.TOKEN_INVALID, () -> h.refreshSessions().refresh(refreshed.refreshToken()));
        }

        @Test
        void an_expiry_is_set_changed_and_cleared_later_and_must_lie_ahead() {
            Member member = addressMember(customers, "jane@customer.com", Optional.empty());
            Instant at = h.clock().instant().plus(Duration.ofDays(7));

            assertThat(h.contexts().updateMember(owner, customers.id(), member.id(), Optional.of(Optional.of(at)))
                    .expiresAt()).contains(at);
            assertThat(h.contexts().updateMember(owner, customers.id(), member.id(), Optional.empty()).expiresAt())
                    .contains(at);
            assertThat(h.contexts().updateMember(owner, customers.id(), member.id(), Optional.of(Optional.empty()))
                    .expiresAt()).isEmpty();
            invalidField("expires_at", () -> h.contexts().updateMember(owner, customers.id(), member.id(),
                    Optional.of(Optional.of(h.clock().instant()))));
            invalidField("expires_at", () -> addressMember(customers, "late@customer.com",
                    Optional.of(h.clock().instant().minusSeconds(1))));
        }

        @Test
        void ending_a_member_now_by_expiry_is_an_update_of_another_company_NOT_FOUND() {
            Member member = addressMember(customers, "jane@customer.com", Optional.empty());
            OwnerPrincipal intruder = h.ownerOf(h.company("globex"));

            failsWith(ErrorCode.NOT_FOUND, () -> h.contexts().updateMember(intruder, customers.id(), member.id(),
                    Optional.of(Optional.empty())));
        }
    }

    @Nested
    class OwnersSessions {

        @Test
        void a_context_lists_the_live_sessions_of_the_people_it_admits() {
            domainMember(customers, "customer.com", Optional.empty());
            addressMember(customers, "solo@freelance.example", Optional.empty());
            ShareContext other = h.context(owner, "Other");
            h.portalShare(owner, sales, other);
            addressMember(other, "else@other.example", Optional.empty());
            PortalTokens jane = h.login("acme", "jane@customer.com");
            h.clock().advance(Duration.ofSeconds(1));
            h.login("acme", "solo@freelance.example");
            h.login("acme", "else@other.example");
            PortalTokens ended = h.login("acme", "bob@customer.com");
            h.logouts().logout(Optional.of(ended.accessToken()), Optional.empty(), false);

            assertThat(h.portalSessionAdmin().list(owner, customers.id())).extracting(s -> s.email().value())
                    .containsExactly("jane@customer.com", "solo@freelance.example");
            assertThat(h.portalSessionAdmin().list(owner, customers.id()).get(0).id())
                    .isEqualTo(h.accessTokens().verify(jane.accessToken(), false).sessionId());
        }

        @Test
        void revoking_a_session_refuses_its_access_and_refresh_tokens_at_once() {
            domainMember(customers, "customer.com", Optional.empty());
            PortalTokens tokens = h.login("acme", "jane@customer.com");
            PortalTokens other = h.login("acme", "jane@customer.com");
            SessionId id = h.accessTokens().verify(tokens.accessToken(), false).sessionId();

            h.portalSessionAdmin().revoke(owner, customers.id(), id);

            failsWith(ErrorCode.TOKEN_INVALID, () -> h.viewer("acme", tokens));
            failsWith(ErrorCode.TOKEN_INVALID, () -> h.refreshSessions().refresh(tokens.refreshToken()));
            assertThat(h.viewer("acme", other).email().value()).as("her other session").isEqualTo("jane@customer.com");
        }

        @Test
        void a_session_the_context_does_not_admit_or_an_unknown_one_is_NOT_FOUND() {
            ShareContext other = h.context(owner, "Other");
            h.portalShare(owner, sales, other);
            addressMember(other, "else@other.example", Optional.empty());
            addressMember(customers, "jane@customer.com", Optional.empty());
            SessionId foreign = h.accessTokens().verify(h.login("acme", "else@other.example").accessToken(), false)
                    .sessionId();

            failsWith(ErrorCode.NOT_FOUND, () -> h.portalSessionAdmin().revoke(owner, customers.id(), foreign));
            failsWith(ErrorCode.NOT_FOUND, () -> h.portalSessionAdmin().revoke(owner, customers.id(),
                    new SessionId(UUID.randomUUID())));
            failsWith(ErrorCode.NOT_FOUND, () -> h.portalSessionAdmin().revoke(h.ownerOf(h.company("globex")),
                    customers.id(), foreign));
        }

        @Test
        void a_viewer_role_may_neither_list_nor_revoke_sessions() {
            OwnerPrincipal viewer = new OwnerPrincipal(acme.id(), Role.VIEWER, owner.actor());

            failsWith(ErrorCode.FORBIDDEN, () -> h.portalSessionAdmin().list(viewer, customers.id()));
            failsWith(ErrorCode.FORBIDDEN, () -> h.portalSessionAdmin().revoke(viewer, customers.id(),
                    new SessionId(UUID.randomUUID())));
        }

        @Test
        void last_seen_moves_with_portal_requests_at_most_once_a_minute() {
            addressMember(customers, "jane@customer.com", Optional.empty());
            PortalTokens tokens = h.login("acme", "jane@customer.com");
            Instant signedIn = h.clock().instant();

            h.clock().advance(Duration.ofSeconds(59));
            h.viewer("acme", tokens);
            assertThat(onlySession().lastSeenAt()).isEqualTo(signedIn);

            h.clock().advance(Duration.ofSeconds(1));
            h.viewer("acme", tokens);
            assertThat(onlySession().lastSeenAt()).isEqualTo(signedIn.plusSeconds(60));
        }

        private ShareSession onlySession() {
            return h.portalSessionAdmin().list(owner, customers.id()).get(0);
        }
    }

    @Nested
    class SignOutEverywhere {

        @Test
        void signing_out_everywhere_ends_every_session_of_that_person_at_that_company_only() {
            domainMember(customers, "customer.com", Optional.empty());
            PortalTokens here = h.login("acme", "jane@customer.com");
            PortalTokens there = h.login("acme", "jane@customer.com");
            PortalTokens colleague = h.login("acme", "bob@customer.com");

            h.logouts().logout(Optional.of(here.accessToken()), Optional.empty(), true);

            failsWith(ErrorCode.TOKEN_INVALID, () -> h.viewer("acme", here));
            failsWith(ErrorCode.TOKEN_INVALID, () -> h.viewer("acme", there));
            failsWith(ErrorCode.TOKEN_INVALID, () -> h.refreshSessions().refresh(there.refreshToken()));
            assertThat(h.viewer("acme", colleague).email().value()).isEqualTo("bob@customer.com");
        }

        @Test
        void a_signed_out_token_cannot_sign_anyone_out_everywhere() {
            domainMember(customers, "customer.com", Optional.empty());
            PortalTokens old = h.login("acme", "jane@customer.com");
            h.logouts().logout(Optional.of(old.accessToken()), Optional.empty(), false);
            PortalTokens current = h.login("acme", "jane@customer.com");

            h.logouts().logout(Optional.of(old.accessToken()), Optional.empty(), true);

            assertThat(h.viewer("acme", current).email().value()).isEqualTo("jane@customer.com");
        }

        @Test
        void the_refresh_token_alone_signs_out_everywhere_too() {
            addressMember(customers, "jane@customer.com", Optional.empty());
            PortalTokens here = h.login("acme", "jane@customer.com");
            PortalTokens there = h.login("acme", "jane@customer.com");

            h.logouts().logout(Optional.empty(), Optional.of(here.refreshToken()), true);

            failsWith(ErrorCode.TOKEN_INVALID, () -> h.viewer("acme", there));
        }
    }
}
