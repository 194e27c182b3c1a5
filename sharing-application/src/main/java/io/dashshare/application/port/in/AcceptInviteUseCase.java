package io.dashshare.application.port.in;

/** An invited owner chooses a password (docs/api.md, owners). */
public interface AcceptInviteUseCase {

    /**
     * A used, expired, unknown or superseded invite token is {@code TOKEN_INVALID}; a password that
     * breaks the rules is {@code INVALID_REQUEST} on {@code password} and leaves the invite usable.
     */
    SignedInOwner accept(String inviteToken, String password);
}
