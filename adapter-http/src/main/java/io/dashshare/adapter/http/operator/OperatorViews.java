package io.dashshare.adapter.http.operator;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.adapter.http.json.JsonBody;
import io.dashshare.application.port.in.ManageTenantsUseCase.ProvisionedCompany;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyStatus;
import io.dashshare.domain.tenant.OwnerAccount;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The operator API's bodies and answers (docs/api.md, operator). */
final class OperatorViews {

    private OperatorViews() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Create(String slug, String name, String adminEmail) implements JsonBody {
    }

    /** {@code PATCH}: absent members stay as they are. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record Update(Optional<String> name, Optional<String> status) implements JsonBody {

        Optional<CompanyStatus> newStatus() {
            return status.map(s -> CompanyStatus.fromWire(s).orElseThrow(() ->
                    new InvalidValueException("status", "must be 'active' or 'suspended'")));
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CompanyView(String id, String slug, String name, String status, Instant createdAt) {

        static CompanyView from(Company company) {
            return new CompanyView(company.id().toString(), company.slug().value(), company.name(),
                    company.status().wire(), company.createdAt());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CompaniesPage(List<CompanyView> companies) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AdminHead(String id, String email, String role, String status) {

        static AdminHead from(OwnerAccount owner) {
            return new AdminHead(owner.id().toString(), owner.email().value(), owner.role().wire(),
                    owner.status().wire());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ProvisionedView(String id, String slug, String name, String status, Instant createdAt, AdminHead admin,
                           String inviteUrl) {

        static ProvisionedView from(ProvisionedCompany provisioned) {
            CompanyView company = CompanyView.from(provisioned.company());
            return new ProvisionedView(company.id(), company.slug(), company.name(), company.status(),
                    company.createdAt(), AdminHead.from(provisioned.admin()), provisioned.inviteUrl());
        }

        @Override
        public String toString() {
            return "ProvisionedView[" + slug + ", invite_url=redacted]";
        }
    }
}
