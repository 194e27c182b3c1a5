package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.portal.RefreshOutcome;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.testing.CompanyBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public abstract class ShareSessionRepositoryContract extends PortContract {

    private ShareSession created() {
        ShareSession session = new ShareSession(new SessionId(UUID.randomUUID()), savedCompany().id(),
                CompanyBuilder.randomEmail("viewer"), T0, T0.plus(Duration.ofDays(30)), Optional.empty());
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
}
