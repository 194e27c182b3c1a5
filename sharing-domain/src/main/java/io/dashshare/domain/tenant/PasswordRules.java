package io.dashshare.domain.tenant;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.error.InvalidValueException;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What a new owner password must be (docs/security.md#owners-1): 12 to 256 characters,
 * not the email, not one of the common passwords of the public breach corpora (compared
 * case-insensitively). Refusals name {@code details.field} and give a stable
 * {@code details.reason}.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private PasswordRules() {
    }

    /** {@code common} is the common-password check (the {@code CommonPasswords} port, {@code isCommon}). */
    public static String check(String field, String password, EmailAddress email, Predicate<String> common) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidValueException(field, "must be at least " + MIN_LENGTH + " characters", "too_short");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            throw new InvalidValueException(field, "must be at most " + MAX_LENGTH + " characters", "too_long");
        }
        String lower = password.toLowerCase(Locale.ROOT).strip();
        String local = email.value().substring(0, email.value().indexOf('@'));
        if (lower.equals(email.value()) || lower.equals(local)) {
            throw new InvalidValueException(field, "must not be the email address", "is_email");
        }
        if (common.test(password)) {
            throw new InvalidValueException(field, "is one of the most common passwords; choose another", "common");
        }
        return password;
    }
}
