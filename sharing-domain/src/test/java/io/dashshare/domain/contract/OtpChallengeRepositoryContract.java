package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.portal.OtpChallenge;
import io.dashshare.domain.portal.OtpChallengeId;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.testing.CompanyBuilder;
import io.dashshare.domain.testing.OtpChallengeBuilder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

public abstract class OtpChallengeRepositoryContract extends PortContract {

    private static final int MAX = OtpChallenge.MAX_FAILED_ATTEMPTS;

    private OtpChallenge stored(Company company, EmailAddress email) {
        OtpChallenge challenge = OtpChallengeBuilder.anOtpChallenge().inCompany(company.id()).forEmail(email)
                .createdAt(T0).validFor(Duration.ofMinutes(10)).build();
        ports.challenges().replace(challenge);
        return challenge;
    }

    private OtpChallenge stored() {
        return stored(savedCompany(), CompanyBuilder.randomEmail("viewer"));
    }

    @Test
    void a_stored_challenge_is_the_latest_of_its_company_and_email() {
        Company company = savedCompany();
        EmailAddress email = CompanyBuilder.randomEmail("viewer");
        OtpChallenge challenge = stored(company, email);

        OtpChallenge latest = ports.challenges().findLatest(company.id(), email).orElseThrow();

        assertThat(latest).usingRecursiveComparison().isEqualTo(challenge);
        assertThat(ports.challenges().findLatest(savedCompany().id(), email)).isEmpty();
        assertThat(ports.challenges().findLatest(company.id(), CompanyBuilder.randomEmail("other"))).isEmpty();
    }

    @Test
    void replace_removes_the_older_challenge_so_its_code_can_no_longer_be_used() {
        Company company = savedCompany();
        EmailAddress email = CompanyBuilder.randomEmail("viewer");
        OtpChallenge first = stored(company, email);
        OtpChallenge second = OtpChallengeBuilder.anOtpChallenge().inCompany(company.id()).forEmail(email)
                .createdAt(T0.plusSeconds(30)).build();

        ports.challenges().replace(second);

        assertThat(ports.challenges().findLatest(company.id(), email).orElseThrow().id()).isEqualTo(second.id());
        assertThat(ports.challenges().consume(first.id(), T0.plusSeconds(31), MAX)).isFalse();
        assertThat(ports.challenges().consume(second.id(), T0.plusSeconds(31), MAX)).isTrue();
    }

    @Test
    void replace_leaves_other_emails_and_other_companies_alone() {
        Company company = savedCompany();
        EmailAddress email = CompanyBuilder.randomEmail("viewer");
        OtpChallenge otherEmail = stored(company, CompanyBuilder.randomEmail("colleague"));
        Company otherCompany = savedCompany();
        OtpChallenge sameEmailElsewhere = stored(otherCompany, email);

        stored(company, email);

        assertThat(ports.challenges().findLatest(company.id(), otherEmail.email()).orElseThrow().id()).isEqualTo(otherEmail.id());
        assertThat(ports.challenges().findLatest(otherCompany.id(), email).orElseThrow().id()).isEqualTo(sameEmailElsewhere.id());
    }

    @Test
    void consume_succeeds_once_then_never_again() {
        OtpChallenge challenge = stored();

        assertThat(ports.challenges().consume(challenge.id(), T0.plusSeconds(10), MAX)).isTrue();
        assertThat(ports.challenges().consume(challenge.id(), T0.plusSeconds(11), MAX)).isFalse();
        assertThat(ports.challenges().findLatest(challenge.companyId(), challenge.email()).orElseThrow().consumedAt())
                .contains(T0.plusSeconds(10));
    }

    @Test
    void consume_fails_at_and_after_expiry() {
        OtpChallenge challenge = stored();

        assertThat(ports.challenges().consume(challenge.id(), challenge.expiresAt(), MAX)).isFalse();
        assertThat(ports.challenges().consume(challenge.id(), challenge.expiresAt().plusSeconds(1), MAX)).isFalse();
        assertThat(ports.challenges().consume(challenge.id(), challenge.expiresAt().minusSeconds(1), MAX)).isTrue();
    }

    @Test
    void recordFailure_counts_and_the_limit_of_failures_blocks_consume() {
        OtpChallenge challenge = stored();

        for (int i = 1; i <= MAX; i++) {
            assertThat(ports.challenges().recordFailure(challenge.id())).isEqualTo(i);
        }

        assertThat(ports.challenges().findLatest(challenge.companyId(), challenge.email()).orElseThrow().failedAttempts())
                .isEqualTo(MAX);
        assertThat(ports.challenges().consume(challenge.id(), T0.plusSeconds(1), MAX)).isFalse();
    }

    @Test
    void consume_still_succeeds_under_the_failure_limit() {
        OtpChallenge challenge = stored();
        for (int i = 1; i < MAX; i++) {
            ports.challenges().recordFailure(challenge.id());
        }

        assertThat(ports.challenges().consume(challenge.id(), T0.plusSeconds(1), MAX)).isTrue();
    }

    @Test
    void recordFailure_of_a_gone_challenge_counts_nothing() {
        assertThat(ports.challenges().recordFailure(new OtpChallengeId(UUID.randomUUID()))).isZero();
    }

    @Test
    void consume_succeeds_for_exactly_one_of_twenty_concurrent_callers() throws Exception {
        OtpChallenge challenge = stored();

        List<Boolean> results = concurrently(20, () -> ports.challenges().consume(challenge.id(), T0.plusSeconds(5), MAX));

        assertThat(results).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    @Test
    void concurrent_failures_are_each_counted() throws Exception {
        OtpChallenge challenge = stored();

        List<Integer> counts = concurrently(20, () -> ports.challenges().recordFailure(challenge.id()));

        assertThat(counts).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(ports.challenges().findLatest(challenge.companyId(), challenge.email()).orElseThrow().failedAttempts())
                .isEqualTo(20);
    }

    @Test
    void delete_makes_the_challenge_unusable() {
        OtpChallenge challenge = stored();

        ports.challenges().delete(challenge.id());

        assertThat(ports.challenges().findLatest(challenge.companyId(), challenge.email())).isEmpty();
        assertThat(ports.challenges().consume(challenge.id(), T0.plusSeconds(1), MAX)).isFalse();
    }
}
