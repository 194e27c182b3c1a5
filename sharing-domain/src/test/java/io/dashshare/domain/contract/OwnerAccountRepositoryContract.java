package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.testing.CompanyBuilder;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public abstract class OwnerAccountRepositoryContract extends PortContract {

    @Test
    void saved_account_is_found_by_email_and_by_id() {
        Company company = savedCompany();
        OwnerAccount owner = CompanyBuilder.anOwnerOf(company.id());

        ports.owners().save(owner);

        assertThat(ports.owners().findByEmail(owner.email())).contains(owner);
        assertThat(ports.owners().findById(owner.id())).contains(owner);
    }

    @Test
    void unknown_email_and_id_are_not_found() {
        assertThat(ports.owners().findByEmail(CompanyBuilder.randomEmail("nobody"))).isEmpty();
        assertThat(ports.owners().findById(new OwnerId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void saving_again_updates_the_password_hash() {
        Company company = savedCompany();
        OwnerAccount owner = CompanyBuilder.anOwnerOf(company.id());
        ports.owners().save(owner);

        OwnerAccount changed = new OwnerAccount(owner.id(), owner.companyId(), owner.email(), "new-hash");
        ports.owners().save(changed);

        assertThat(ports.owners().findById(owner.id())).contains(changed);
    }

    @Test
    void email_of_another_account_is_refused_with_INVALID_REQUEST_on_email_even_across_companies() {
        Company first = savedCompany();
        Company second = savedCompany();
        OwnerAccount owner = CompanyBuilder.anOwnerOf(first.id());
        ports.owners().save(owner);
        OwnerAccount clash = new OwnerAccount(new OwnerId(UUID.randomUUID()), second.id(), owner.email(), "h");

        assertFails(ErrorCode.INVALID_REQUEST, "email", () -> ports.owners().save(clash));
        assertThat(ports.owners().findByEmail(owner.email())).contains(owner);
    }

    @Test
    void email_lookup_matches_a_differently_cased_address_once_normalised() {
        Company company = savedCompany();
        OwnerAccount owner = CompanyBuilder.anOwnerOf(company.id());
        ports.owners().save(owner);

        EmailAddress shouted = EmailAddress.parse(owner.email().value().toUpperCase()).orElseThrow();

        assertThat(ports.owners().findByEmail(shouted)).contains(owner);
    }
}
