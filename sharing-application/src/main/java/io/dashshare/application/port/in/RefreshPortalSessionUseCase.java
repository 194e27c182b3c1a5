package io.dashshare.application.port.in;

/** A portal session's next access token. */
public interface RefreshPortalSessionUseCase {

    /** Rotates the refresh token; a replayed one revokes its whole session ({@code TOKEN_INVALID}). */
    PortalTokens refresh(String refreshToken);
}
