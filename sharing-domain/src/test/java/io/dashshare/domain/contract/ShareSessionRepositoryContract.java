package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.portal.RefreshOutcome;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.testing.CompanyBuilder;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.common.EmailDomain;
import io.dashshare.domain.tenant.CompanyId;
import java.util.Set;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public abstract class ShareSessionRepositoryContract extends PortContract {

    private ShareSession created() {
        return created(savedCompany().id(), CompanyBuilder.randomEmail("viewer"));
    }

    private ShareSession created(CompanyId company, EmailAddress email) {
        ShareSession session = ShareSession.open(new SessionId(UUID.randomUUID()), company, email, T0,
                Duration.ofDays(30));
        ports.sessions().create(session);
        return session;
    }

    private TokenHash addedToken(ShareSession session) {
        TokenHash hash = randomToken().hash();
        ports.sessions().addRefreshToken(session.id(), hash, T0);
        return hash;
    }

    @Test
    void a_created_session_is_found_and_an_unknown_one_is_not() {
        ShareSession session = created();

        assertThat(ports.sessions().find(session.id())).contains(session);
        assertThat(ports.sessions().find(new SessionId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void a_fresh_refresh_token_is_Rotated_then_Replayed() {
        ShareSession session = created();
        TokenHash hash = addedToken(session);

        assertThat(ports.sessions().spendRefreshToken(hash, T0.plusSeconds(60)))
                .isEqualTo(new RefreshOutcome.Rotated(session));
        assertThat(ports.sessions().spendRefreshToken(hash, T0.plusSeconds(61)))
                .isEqualTo(new RefreshOutcome.Replayed(session));
    }

    @Test
    void an_unknown_refresh_token_is_Unknown() {
        assertThat(ports.sessions().spendRefreshToken(randomToken().hash(), T0)).isEqualTo(new RefreshOutcome.Unknown());
    }

    @Test
    void each_token_of_a_session_is_spent_on_its_own() {
        ShareSession session = created();
        TokenHash first = addedToken(session);
        ports.sessions().spendRefreshToken(first, T0.plusSeconds(1));
        TokenHash second = addedToken(session);

        assertThat(ports.sessions().spendRefreshToken(second, T0.plusSeconds(2))).isInstanceOf(RefreshOutcome.Rotated.class);
    }

    @Test
    void spend_rotates_for_exactly_one_of_twenty_concurrent_callers_and_the_rest_see_a_replay() throws Exception {
        ShareSession session = created();
        TokenHash hash = addedToken(session);

        List<RefreshOutcome> outcomes = concurrently(20, () -> ports.sessions().spendRefreshToken(hash, T0.plusSeconds(1)));

        assertThat(outcomes).filteredOn(o -> o instanceof RefreshOutcome.Rotated).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof RefreshOutcome.Replayed).hasSize(19);
    }

    @Test
    void revoke_marks_the_session_once_and_keeps_the_first_time() {
        ShareSession session = created();

        ports.sessions().revoke(session.id(), T0.plusSeconds(10));
        ports.sessions().revoke(session.id(), T0.plusSeconds(20));

        ShareSession revoked = ports.sessions().find(session.id()).orElseThrow();
        assertThat(revoked.revokedAt()).contains(T0.plusSeconds(10));
        assertThat(revoked.lastSeenAt()).isEqualTo(T0);
        assertThat(revoked.isActive(T0.plusSeconds(30))).isFalse();
    }

    @Test
    void spending_a_token_of_a_revoked_session_reports_the_revoked_session() {
        ShareSession session = created();
        TokenHash hash = addedToken(session);
        ports.sessions().revoke(session.id(), T0.plusSeconds(10));

        RefreshOutcome outcome = ports.sessions().spendRefreshToken(hash, T0.plusSeconds(11));

        assertThat(outcome).isInstanceOfSatisfying(RefreshOutcome.Rotated.class,
                r -> assertThat(r.session().revokedAt()).contains(T0.plusSeconds(10)));
    }

    @Test
    void revoking_an_unknown_session_creates_nothing() {
        SessionId unknown = new SessionId(UUID.randomUUID());

        ports.sessions().revoke(unknown, T0);

        assertThat(ports.sessions().find(unknown)).isEmpty();
    }

    @Test
    void a_refresh_token_for_a_missing_session_is_NOT_FOUND() {
        assertFails(ErrorCode.NOT_FOUND, null,
                () -> ports.sessions().addRefreshToken(new SessionId(UUID.randomUUID()), randomToken().hash(), T0));
    }

    @Test
    void markSeen_moves_the_last_seen_time_forward_only() {
        ShareSession session = created();

        ports.sessions().markSeen(session.id(), T0.plusSeconds(120));
        ports.sessions().markSeen(session.id(), T0.plusSeconds(60));

        assertThat(ports.sessions().find(session.id()).orElseThrow().lastSeenAt()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void revokeAll_ends_every_active_session_of_one_email_at_one_company_only() {
        CompanyId company = savedCompany().id();
        EmailAddress email = CompanyBuilder.randomEmail("everywhere");
        ShareSession one = created(company, email);
        ShareSession two = created(company, email);
        ShareSession colleague = created(company, CompanyBuilder.randomEmail("colleague"));
        ShareSession elsewhere = created(savedCompany().id(), email);

        assertThat(ports.sessions().revokeAll(company, email, T0.plusSeconds(5))).isEqualTo(2);

        assertThat(ports.sessions().find(one.id()).orElseThrow().revokedAt()).contains(T0.plusSeconds(5));
        assertThat(ports.sessions().find(two.id()).orElseThrow().revokedAt()).contains(T0.plusSeconds(5));
        assertThat(ports.sessions().find(colleague.id()).orElseThrow().revokedAt()).isEmpty();
        assertThat(ports.sessions().find(elsewhere.id()).orElseThrow().revokedAt()).isEmpty();
        assertThat(ports.sessions().revokeAll(company, email, T0.plusSeconds(6))).isZero();
    }

    @Test
    void listActive_finds_the_live_sessions_of_the_given_addresses_and_domains_oldest_first() {
        CompanyId company = savedCompany().id();
        String domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        EmailAddress named = CompanyBuilder.randomEmail("named");
        ShareSession byAddress = created(company, named);
        ShareSession byDomain = ShareSession.open(new SessionId(UUID.randomUUID()), company,
                new EmailAddress("jane@" + domain), T0.plusSeconds(1), Duration.ofDays(30));
        ports.sessions().create(byDomain);
        ShareSession revoked = created(company, new EmailAddress("gone@" + domain));
        ports.sessions().revoke(revoked.id(), T0.plusSeconds(2));
        ShareSession shortLived = ShareSession.open(new SessionId(UUID.randomUUID()), company,
                new EmailAddress("brief@" + domain), T0, Duration.ofSeconds(10));
        ports.sessions().create(shortLived);
        created(company, new EmailAddress("jane@sub." + domain));
        created(company, CompanyBuilder.randomEmail("stranger"));
        created(savedCompany().id(), named);

        assertThat(ports.sessions().listActive(company, Set.of(named), Set.of(new EmailDomain(domain)), T0.plusSeconds(20)))
                .containsExactly(byAddress, byDomain);
        assertThat(ports.sessions().listActive(company, Set.of(), Set.of(), T0.plusSeconds(20))).isEmpty();
    }
}
