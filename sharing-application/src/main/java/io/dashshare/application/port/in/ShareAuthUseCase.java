package io.dashshare.application.port.in;

import java.util.Optional;

/** One-time-code login of external people to the share portal (PRODUCT.md §8, SECURITY.md). */
public interface ShareAuthUseCase {

    /**
     * Sends a code when the email may see something at that company; answers the same way
     * otherwise. Throttled per email and per client address ({@code RATE_LIMITED}).
     */
    void requestCode(String companySlug, String email, String clientAddress);

    /** Wrong, expired, used or superseded codes are {@code CODE_INVALID}. */
    PortalTokens verify(String companySlug, String email, String code);

    /** Rotates the refresh token; a replayed one revokes its whole session. */
    PortalTokens refresh(String refreshToken);

    /** Revokes the session of either token; unknown tokens are ignored. */
    void logout(Optional<String> accessToken, Optional<String> refreshToken);
}
