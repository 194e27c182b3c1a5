package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.tenant.OwnerInvite;
import io.dashshare.domain.tenant.Role;
import io.dashshare.domain.testing.CompanyBuilder;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public abstract class OwnerInviteRepositoryContract extends PortContract {

    private OwnerAccount invitedOwner() {
        Company company = savedCompany();
        OwnerAccount owner = OwnerAccount.invited(new OwnerId(UUID.randomUUID()), company.id(),
                CompanyBuilder.randomEmail("invited"), Role.EDITOR, T0);
        ports.owners().save(owner);
        return owner;
    }

    @Test
    void a_stored_invite_is_found_by_its_hash_and_spent_exactly_once() {
        OwnerAccount owner = invitedOwner();
        OwnerInvite invite = OwnerInvite.create(randomToken().hash(), owner.id(), owner.companyId(), T0);
        ports.invites().replace(invite);

        assertThat(ports.invites().find(invite.hash())).contains(invite);
        Optional<OwnerInvite> spent = ports.invites().consume(invite.hash(), T0.plusSeconds(5));
        assertThat(spent).isPresent();
        assertThat(spent.get().usedAt()).contains(T0.plusSeconds(5));
        assertThat(ports.invites().consume(invite.hash(), T0.plusSeconds(6))).isEmpty();
        assertThat(ports.invites().find(invite.hash()).orElseThrow().usedAt()).contains(T0.plusSeconds(5));
    }

    @Test
    void an_expired_or_unknown_invite_cannot_be_spent() {
        OwnerAccount owner = invitedOwner();
        OwnerInvite invite = OwnerInvite.create(randomToken().hash(), owner.id(), owner.companyId(), T0);
        ports.invites().replace(invite);

        assertThat(ports.invites().consume(invite.hash(), invite.expiresAt())).isEmpty();
        assertThat(ports.invites().consume(randomToken().hash(), T0)).isEmpty();
        assertThat(ports.invites().find(randomToken().hash())).isEmpty();
    }

    @Test
    void a_new_invite_of_the_same_owner_replaces_the_earlier_one() {
        OwnerAccount owner = invitedOwner();
        OwnerInvite first = OwnerInvite.create(randomToken().hash(), owner.id(), owner.companyId(), T0);
        OwnerInvite second = OwnerInvite.create(randomToken().hash(), owner.id(), owner.companyId(), T0.plusSeconds(1));
        ports.invites().replace(first);
        ports.invites().replace(second);

        assertThat(ports.invites().find(first.hash())).isEmpty();
        assertThat(ports.invites().consume(first.hash(), T0.plusSeconds(2))).isEmpty();
        assertThat(ports.invites().consume(second.hash(), T0.plusSeconds(2))).isPresent();
    }

    @Test
    void of_concurrent_spenders_of_one_invite_exactly_one_succeeds() throws Exception {
        OwnerAccount owner = invitedOwner();
        TokenHash hash = randomToken().hash();
        ports.invites().replace(OwnerInvite.create(hash, owner.id(), owner.companyId(), T0));

        List<Boolean> spent = concurrently(8, () -> ports.invites().consume(hash, T0.plusSeconds(1)).isPresent());

        assertThat(spent).containsOnlyOnce(true);
    }

    @Test
    void replacing_inside_a_unit_of_work_joins_it_and_rolls_back_with_it() {
        OwnerAccount owner = invitedOwner();
        OwnerInvite kept = OwnerInvite.create(randomToken().hash(), owner.id(), owner.companyId(), T0);
        ports.invites().replace(kept);
        OwnerInvite undone = OwnerInvite.create(randomToken().hash(), owner.id(), owner.companyId(), T0);

        assertThatThrownBy(() -> ports.unitOfWork().run(() -> {
            ports.invites().replace(undone);
            throw new IllegalStateException("the use case failed after the invite");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(ports.invites().find(kept.hash())).contains(kept);
        assertThat(ports.invites().find(undone.hash())).isEmpty();
        OwnerInvite committed = OwnerInvite.create(randomToken().hash(), owner.id(), owner.companyId(), T0);
        ports.unitOfWork().run(() -> ports.invites().replace(committed));
        assertThat(ports.invites().find(committed.hash())).contains(committed);
        assertThat(ports.invites().find(kept.hash())).isEmpty();
    }

    @Test
    void removing_the_owner_removes_the_invite() {
        OwnerAccount owner = invitedOwner();
        OwnerInvite invite = OwnerInvite.create(randomToken().hash(), owner.id(), owner.companyId(), T0);
        ports.invites().replace(invite);

        ports.owners().delete(owner.companyId(), owner.id());

        assertThat(ports.invites().find(invite.hash())).isEmpty();
    }
}
