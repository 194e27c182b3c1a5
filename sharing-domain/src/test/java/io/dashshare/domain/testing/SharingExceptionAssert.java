package io.dashshare.domain.testing;

import static org.assertj.core.api.Assertions.catchThrowable;

import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Asserts that a call is refused with a {@link SharingException}, its error code and its details:
 * {@code assertRefused(() -> ...).hasCode(FILTER_DISABLED_BY_POLICY).hasDetails("filter_slug", "region")}.
 */
public final class SharingExceptionAssert extends AbstractAssert<SharingExceptionAssert, SharingException> {

    private SharingExceptionAssert(SharingException actual) {
        super(actual, SharingExceptionAssert.class);
    }

    public static SharingExceptionAssert assertRefused(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        Assertions.assertThat(thrown).as("expected a SharingException").isInstanceOf(SharingException.class);
        return new SharingExceptionAssert((SharingException) thrown);
    }

    public static SharingExceptionAssert assertThatRefusal(SharingException exception) {
        return new SharingExceptionAssert(exception);
    }

    public SharingExceptionAssert hasCode(ErrorCode expected) {
        isNotNull();
        Assertions.assertThat(actual.code()).as("error code of %s", actual.getMessage()).isEqualTo(expected);
        return this;
    }

    /** The details are exactly these key/value pairs. */
    public SharingExceptionAssert hasDetails(Object... keysAndValues) {
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            expected.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return hasDetails(expected);
    }

    public SharingExceptionAssert hasDetails(Map<String, ?> expected) {
        isNotNull();
        Assertions.assertThat(actual.details()).as("details of %s", actual.getMessage())
                .containsExactlyInAnyOrderEntriesOf(expected);
        return this;
    }

    public SharingExceptionAssert hasDetail(String key, Object value) {
        isNotNull();
        Assertions.assertThat(actual.details()).as("details of %s", actual.getMessage()).containsEntry(key, value);
        return this;
    }

    public SharingExceptionAssert messageDoesNotContain(String text) {
        isNotNull();
        Assertions.assertThat(actual.getMessage()).doesNotContain(text);
        return this;
    }
}
