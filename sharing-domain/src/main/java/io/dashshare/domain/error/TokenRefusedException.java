package io.dashshare.domain.error;

/**
 * {@code TOKEN_INVALID} that knows which check failed. It answers exactly what
 * {@link SharingException#tokenInvalid()} answers (no details): only the inspector reads
 * {@link #reason()}.
 */
public final class TokenRefusedException extends SharingException {

    private final TokenRefusal reason;

    public TokenRefusedException(TokenRefusal reason) {
        super(ErrorCode.TOKEN_INVALID, "The token is invalid or has expired.");
        this.reason = reason;
    }

    public TokenRefusal reason() {
        return reason;
    }
}
