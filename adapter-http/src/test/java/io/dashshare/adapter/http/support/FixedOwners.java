package io.dashshare.adapter.http.support;

import io.dashshare.application.port.in.AuthenticateOwnerUseCase;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.secret.TokenHash;
import java.util.ArrayList;
import java.util.List;

/**
 * The adapter's view of authentication in these tests: tokens of {@link Fixtures#OWNER} and the
 * key {@link Fixtures#API_KEY}; anything else is {@code TOKEN_INVALID}. Records what it was asked.
 */
public final class FixedOwners implements AuthenticateOwnerUseCase {

    private final List<OwnerTokenClaims> seen = new ArrayList<>();

    @Override
    public synchronized OwnerPrincipal owner(OwnerTokenClaims claims) {
        seen.add(claims);
        if (claims.owner().equals(Fixtures.OWNER_ID) && claims.company().equals(Fixtures.COMPANY_ID)) {
            return Fixtures.OWNER;
        }
        throw SharingException.tokenInvalid();
    }

    @Override
    public OwnerPrincipal apiKey(TokenHash presentedKey) {
        if (presentedKey.equals(SecretToken.hashOfPresented(Fixtures.API_KEY))) {
            return Fixtures.KEY_OWNER;
        }
        throw SharingException.tokenInvalid();
    }

    /** The owner-token claims checked so far, oldest first. */
    public synchronized List<OwnerTokenClaims> seen() {
        return List.copyOf(seen);
    }
}
