package io.dashshare.domain.port;

import java.time.Instant;

/** Owner access tokens ended before they expire (a logout): remembered by {@code jti} until they would have expired. */
public interface OwnerTokenRevocations {

    void revoke(String jti, Instant tokenExpiresAt);

    boolean isRevoked(String jti);
}
