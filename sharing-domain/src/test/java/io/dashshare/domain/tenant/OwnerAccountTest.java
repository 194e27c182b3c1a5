package io.dashshare.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.testing.CompanyBuilder;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which of an owner's tokens still work (docs/tokens.md, owner tokens). */
class OwnerAccountTest {

    private final OwnerAccount owner = CompanyBuilder.anOwnerOf(new CompanyId(UUID.randomUUID()));

    @Test
    void a_token_of_the_current_generation_works_while_the_owner_is_active() {
        assertThat(owner.accepts(owner.tokenGeneration(), "t1")).isTrue();
        assertThat(owner.accepts(owner.tokenGeneration() - 1, "t1")).isFalse();
        assertThat(owner.withStatus(OwnerStatus.DISABLED).accepts(owner.tokenGeneration(), "t1")).isFalse();
    }

    @Test
    void a_password_change_ends_every_earlier_token_but_the_one_that_made_it() {
        OwnerAccount changed = owner.withPassword("new", Optional.of("t1"));

        assertThat(changed.accepts(owner.tokenGeneration(), "t1")).isTrue();
        assertThat(changed.accepts(owner.tokenGeneration(), "t2")).isFalse();
        assertThat(changed.accepts(changed.tokenGeneration(), "t3")).isTrue();
        assertThat(changed.withPassword("newer", Optional.empty()).accepts(owner.tokenGeneration(), "t1")).isFalse();
    }

    @Test
    void disabling_ends_every_token_for_good_even_after_enabling_again() {
        OwnerAccount changed = owner.withPassword("new", Optional.of("t1"));
        OwnerAccount back = changed.withStatus(OwnerStatus.DISABLED).withStatus(OwnerStatus.ACTIVE);

        assertThat(back.accepts(changed.tokenGeneration(), "t2")).isFalse();
        assertThat(back.accepts(owner.tokenGeneration(), "t1")).isFalse();
        assertThat(back.accepts(back.tokenGeneration(), "t4")).isTrue();
    }

    @Test
    void an_invited_owner_has_no_password_and_becomes_active_only_by_accepting() {
        OwnerAccount invited = OwnerAccount.invited(new OwnerId(UUID.randomUUID()), owner.companyId(),
                CompanyBuilder.randomEmail("new"), Role.EDITOR, CompanyBuilder.CREATED_AT);

        assertThat(invited.passwordHash()).isEmpty();
        assertThat(invited.accepts(0, "t")).isFalse();
        assertThatThrownBy(() -> invited.withStatus(OwnerStatus.ACTIVE)).isInstanceOf(IllegalArgumentException.class);
        OwnerAccount accepted = invited.accepted("hash");
        assertThat(accepted.isActive()).isTrue();
        assertThat(accepted.accepts(accepted.tokenGeneration(), "t")).isTrue();
    }

    @Test
    void its_string_never_shows_the_password_hash() {
        assertThat(owner.toString()).doesNotContain(owner.passwordHash().orElseThrow());
    }
}
