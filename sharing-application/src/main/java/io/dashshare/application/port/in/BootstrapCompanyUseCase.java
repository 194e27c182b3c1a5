package io.dashshare.application.port.in;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanySlug;

/** The company (and admin) named by the start-up settings (docs/operations.md, first company). */
public interface BootstrapCompanyUseCase {

    /**
     * Creates the company with this admin and password when no company has the slug; an existing
     * company is left alone. The password must pass the password rules ({@code INVALID_REQUEST}
     * on {@code SHARING_ADMIN_PASSWORD} otherwise).
     */
    Company ensure(CompanySlug slug, String name, EmailAddress adminEmail, String password);
}
