package io.dashshare.domain.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business failure with the error code the API answers and optional details
 * ({@code filter_slug}, {@code reason}, {@code field}, ...). Messages are written for the
 * viewer: they never carry SQL, database messages or secrets.
 */
public class SharingException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    public SharingException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public SharingException(ErrorCode code, String message, Map<String, ?> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static SharingException invalidRequest(String field, String message) {
        return new SharingException(ErrorCode.INVALID_REQUEST, message, Map.of("field", field));
    }

    public static SharingException notFound(String what) {
        return new SharingException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static SharingException tokenInvalid() {
        return new SharingException(ErrorCode.TOKEN_INVALID, "The token is invalid or has expired.");
    }
}
