package io.dashshare.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call fails as a business failure with one error code, and nothing else. */
public final class SharingAssertions {

    private SharingAssertions() {
    }

    public static SharingException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a SharingException").isInstanceOf(SharingException.class);
        return (SharingException) thrown;
    }

    public static SharingException failsWith(ErrorCode code, ThrowingCallable call) {
        SharingException failure = failure(call);
        assertThat(failure.code()).as("error code (message: %s)", failure.getMessage()).isEqualTo(code);
        return failure;
    }

    /** {@code INVALID_REQUEST} naming {@code field} in its details. */
    public static SharingException invalidField(String field, ThrowingCallable call) {
        SharingException failure = failsWith(ErrorCode.INVALID_REQUEST, call);
        assertThat(failure.details()).as("details of: %s", failure.getMessage()).containsEntry("field", field);
        return failure;
    }

    /** {@code CONFLICT} (a slug, email or name already taken) naming {@code field} in its details. */
    public static SharingException conflictOn(String field, ThrowingCallable call) {
        SharingException failure = failsWith(ErrorCode.CONFLICT, call);
        assertThat(failure.details()).as("details of: %s", failure.getMessage()).containsEntry("field", field);
        return failure;
    }
}
