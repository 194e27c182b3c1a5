package io.dashshare.adapter.persistence;

import static io.dashshare.adapter.persistence.jooq.Tables.OWNER_TOKEN_REVOCATIONS;

import io.dashshare.domain.port.OwnerTokenRevocations;
import java.time.Instant;
import org.jooq.DSLContext;

public final class JooqOwnerTokenRevocations implements OwnerTokenRevocations {

    private final DSLContext db;

    public JooqOwnerTokenRevocations(DSLContext db) {
        this.db = db;
    }

    @Override
    public void revoke(String jti, Instant tokenExpiresAt) {
        DatabaseFailures.run(() -> db.insertInto(OWNER_TOKEN_REVOCATIONS)
                .set(OWNER_TOKEN_REVOCATIONS.JTI, jti)
                .set(OWNER_TOKEN_REVOCATIONS.EXPIRES_AT, Times.column(tokenExpiresAt))
                .onConflictDoNothing().execute());
    }

    @Override
    public boolean isRevoked(String jti) {
        return DatabaseFailures.call(() -> db.fetchExists(OWNER_TOKEN_REVOCATIONS, OWNER_TOKEN_REVOCATIONS.JTI.eq(jti)));
    }
}
