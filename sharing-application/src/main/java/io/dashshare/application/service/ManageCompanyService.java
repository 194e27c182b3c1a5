package io.dashshare.application.service;

import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.tenant.Permission;
import io.dashshare.application.port.in.ManageCompanyUseCase;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.UnitOfWork;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.EmbedOrigin;
import java.util.List;

public final class ManageCompanyService implements ManageCompanyUseCase {

    private static final int MAX_ORIGINS = 50;

    private final CompanyRepository companies;
    private final UnitOfWork unitOfWork;
    private final Audit audit;

    public ManageCompanyService(CompanyRepository companies, UnitOfWork unitOfWork, Audit audit) {
        this.companies = companies;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
    }

    @Override
    public Company get(OwnerPrincipal owner) {
        owner.require(Permission.READ);
        return companies.findById(owner.companyId()).orElseThrow(() -> SharingException.notFound("Company"));
    }

    @Override
    public Company setEmbedOrigins(OwnerPrincipal owner, List<EmbedOrigin> origins) {
        owner.require(Permission.MANAGE_EMBED_ORIGINS);
        if (origins.size() > MAX_ORIGINS) {
            throw new InvalidValueException("embed_origins", "must hold at most " + MAX_ORIGINS + " origins");
        }
        Company done = unitOfWork.inTransaction(() -> {
            Company updated = get(owner).withEmbedOrigins(origins.stream().distinct().toList());
            companies.save(updated);
            return updated;
        });
        audit.owner(AuditType.COMPANY_UPDATED, owner).detail("embed_origins",
                done.embedOrigins().stream().map(EmbedOrigin::value).toList()).ok();
        return done;
    }
}
