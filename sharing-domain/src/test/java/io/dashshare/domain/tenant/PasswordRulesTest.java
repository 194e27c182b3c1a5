package io.dashshare.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.InvalidValueException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The password rules of docs/security.md (owner passwords). */
class PasswordRulesTest {

    private static final EmailAddress EMAIL = new EmailAddress("ada.lovelace@example.com");
    private static final Set<String> LIST = Set.of("password1234", "qwertyuiop123");
    private static final Predicate<String> COMMON = p -> LIST.contains(p.toLowerCase(Locale.ROOT));

    private static void refused(String password, String reason) {
        assertThatThrownBy(() -> PasswordRules.check("password", password, EMAIL, COMMON))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.details()).containsEntry("field", "password").containsEntry("reason", reason);
                });
    }

    @Test
    void twelve_to_256_characters_counted_as_characters_not_bytes() {
        refused("short-pw-11", "too_short");
        refused(null, "too_short");
        refused("x".repeat(257), "too_long");
        assertThat(PasswordRules.check("password", "tulip-ocean1", EMAIL, COMMON)).isEqualTo("tulip-ocean1");
        assertThat(PasswordRules.check("password", "é".repeat(12), EMAIL, COMMON)).hasSize(12);
        assertThat(PasswordRules.check("password", "x".repeat(256), EMAIL, COMMON)).hasSize(256);
    }

    @Test
    void not_the_email_nor_its_local_part_in_any_case() {
        refused("ADA.LOVELACE@example.com", "is_email");
        refused("Ada.Lovelace", "is_email");
    }

    @Test
    void not_a_common_password_in_any_case() {
        refused("Password1234", "common");
        refused("QWERTYUIOP123", "common");
    }
}
