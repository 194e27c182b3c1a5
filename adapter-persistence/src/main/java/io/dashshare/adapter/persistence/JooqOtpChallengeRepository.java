package io.dashshare.adapter.persistence;

import static io.dashshare.adapter.persistence.jooq.Tables.OTP_CHALLENGES;

import io.dashshare.adapter.persistence.jooq.tables.records.OtpChallengesRecord;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.port.OtpChallengeRepository;
import io.dashshare.domain.portal.OtpChallenge;
import io.dashshare.domain.portal.OtpChallengeId;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * One-time code challenges, one row per company and email. Every check-and-change is a single
 * conditional UPDATE, so the database decides which of several concurrent verifies wins.
 */
public final class JooqOtpChallengeRepository implements OtpChallengeRepository {

    private final DSLContext db;

    public JooqOtpChallengeRepository(DSLContext db) {
        this.db = db;
    }

    /** One upsert on (company, email): the earlier code, its id and its counters are gone at once. */
    @Override
    public void replace(OtpChallenge challenge) {
        OtpChallengesRecord row = RecordMappers.record(challenge);
        DatabaseFailures.run(() -> db.insertInto(OTP_CHALLENGES).set(row)
                .onConflict(OTP_CHALLENGES.COMPANY_ID, OTP_CHALLENGES.EMAIL).doUpdate()
                .set(OTP_CHALLENGES.ID, row.getId())
                .set(OTP_CHALLENGES.CODE_HASH, row.getCodeHash())
                .set(OTP_CHALLENGES.CREATED_AT, row.getCreatedAt())
                .set(OTP_CHALLENGES.EXPIRES_AT, row.getExpiresAt())
                .set(OTP_CHALLENGES.FAILED_ATTEMPTS, row.getFailedAttempts())
                .set(OTP_CHALLENGES.CONSUMED_AT, row.getConsumedAt())
                .execute());
    }

    @Override
    public Optional<OtpChallenge> findLatest(CompanyId company, EmailAddress email) {
        return DatabaseFailures.call(() -> db.selectFrom(OTP_CHALLENGES)
                .where(OTP_CHALLENGES.COMPANY_ID.eq(company.value()), OTP_CHALLENGES.EMAIL.eq(email.value()))
                .fetchOptional().map(RecordMappers::challenge));
    }

    /** Returns 0 when the challenge is gone (replaced or deleted): there is nothing left to count against. */
    @Override
    public int recordFailure(OtpChallengeId id) {
        return DatabaseFailures.call(() -> db.update(OTP_CHALLENGES)
                .set(OTP_CHALLENGES.FAILED_ATTEMPTS, OTP_CHALLENGES.FAILED_ATTEMPTS.plus(1))
                .where(OTP_CHALLENGES.ID.eq(id.value()))
                .returning(OTP_CHALLENGES.FAILED_ATTEMPTS)
                .fetchOptional(OTP_CHALLENGES.FAILED_ATTEMPTS)
                .orElse(0));
    }

    @Override
    public boolean consume(OtpChallengeId id, Instant now, int maxFailedAttempts) {
        return DatabaseFailures.call(() -> db.update(OTP_CHALLENGES)
                .set(OTP_CHALLENGES.CONSUMED_AT, Times.column(now))
                .where(OTP_CHALLENGES.ID.eq(id.value()),
                        OTP_CHALLENGES.CONSUMED_AT.isNull(),
                        OTP_CHALLENGES.EXPIRES_AT.gt(Times.column(now)),
                        OTP_CHALLENGES.FAILED_ATTEMPTS.lt(maxFailedAttempts))
                .execute() == 1);
    }

    @Override
    public void delete(OtpChallengeId id) {
        DatabaseFailures.run(() -> db.deleteFrom(OTP_CHALLENGES).where(OTP_CHALLENGES.ID.eq(id.value())).execute());
    }
}
