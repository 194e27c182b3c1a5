package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.common.EmailDomain;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.MemberId;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.testing.CompanyBuilder;
import io.dashshare.domain.testing.ContextBuilder;
import io.dashshare.domain.testing.ShareBuilder;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public abstract class ShareContextRepositoryContract extends PortContract {

    private ShareContext savedContext(CompanyId company) {
        return savedContext(ContextBuilder.aContext().inCompany(company));
    }

    private ShareContext savedContext(ContextBuilder builder) {
        ShareContext context = builder.build();
        ports.contexts().save(context);
        return context;
    }

    private Member addedMember(ShareContextId context, EmailAddress email) {
        Member member = ContextBuilder.aMember(context, email, T0);
        ports.contexts().addMember(member);
        return member;
    }

    @Test
    void saved_context_is_found_within_its_company_only() {
        Company company = savedCompany();
        ShareContext context = savedContext(ContextBuilder.aContext().inCompany(company.id()).named("Auditors").describedAs(""));

        assertThat(ports.contexts().findById(company.id(), context.id())).contains(context);
        assertThat(ports.contexts().findById(savedCompany().id(), context.id())).isEmpty();
        assertThat(ports.contexts().findById(company.id(), new ShareContextId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void list_holds_the_company_contexts_oldest_first() {
        Company company = savedCompany();
        ShareContext later = savedContext(ContextBuilder.aContext().inCompany(company.id()).createdAt(T0.plusSeconds(5)));
        ShareContext earlier = savedContext(ContextBuilder.aContext().inCompany(company.id()).createdAt(T0));
        savedContext(savedCompany().id());

        assertThat(ports.contexts().list(company.id())).containsExactly(earlier, later);
    }

    @Test
    void saving_again_renames_the_context() {
        Company company = savedCompany();
        ShareContext context = savedContext(company.id());
        ShareContext renamed = context.rename("Board members", "Quarterly numbers");

        ports.contexts().save(renamed);

        assertThat(ports.contexts().findById(company.id(), context.id())).contains(renamed);
    }

    @Test
    void saving_over_another_company_context_id_is_NOT_FOUND_and_changes_nothing() {
        Company owner = savedCompany();
        ShareContext context = savedContext(owner.id());
        ShareContext hijack = ContextBuilder.aContext().withId(context.id()).inCompany(savedCompany().id()).named("Hijack").build();

        assertFails(ErrorCode.NOT_FOUND, null, () -> ports.contexts().save(hijack));
        assertThat(ports.contexts().findById(owner.id(), context.id())).contains(context);
    }

    @Test
    void delete_removes_the_context_its_members_and_the_shares_bound_to_it() {
        Company company = savedCompany();
        ShareContext context = savedContext(company.id());
        EmailAddress email = CompanyBuilder.randomEmail("viewer");
        addedMember(context.id(), email);
        Dashboard dashboard = savedDashboard(company.id());
        Share bound = ShareBuilder.aShareOf(dashboard).boundTo(context.id()).build();
        Share publicLink = ShareBuilder.aShareOf(dashboard).build();
        ports.shares().save(bound);
        ports.shares().save(publicLink);

        assertThat(ports.contexts().delete(company.id(), context.id())).isTrue();

        assertThat(ports.contexts().findById(company.id(), context.id())).isEmpty();
        assertThat(ports.contexts().listMembers(context.id())).isEmpty();
        assertThat(ports.contexts().contextsOf(company.id(), email, T0)).isEmpty();
        // A bound share must never survive as a public link.
        assertThat(ports.shares().findById(company.id(), bound.id())).isEmpty();
        assertThat(ports.shares().findByTokenHash(bound.tokenHash())).isEmpty();
        assertThat(ports.shares().findById(company.id(), publicLink.id())).isPresent();
    }

    @Test
    void delete_is_false_when_absent_or_of_another_company() {
        Company owner = savedCompany();
        ShareContext context = savedContext(owner.id());

        assertThat(ports.contexts().delete(savedCompany().id(), context.id())).isFalse();
        assertThat(ports.contexts().delete(owner.id(), new ShareContextId(UUID.randomUUID()))).isFalse();
        assertThat(ports.contexts().findById(owner.id(), context.id())).isPresent();
    }

    @Test
    void members_are_listed_oldest_first() {
        ShareContext context = savedContext(savedCompany().id());
        Member second = ContextBuilder.aMember(context.id(), CompanyBuilder.randomEmail("b"), T0.plusSeconds(1));
        Member first = ContextBuilder.aMember(context.id(), CompanyBuilder.randomEmail("a"), T0);
        ports.contexts().addMember(second);
        ports.contexts().addMember(first);

        assertThat(ports.contexts().listMembers(context.id())).containsExactly(first, second);
    }

    @Test
    void a_duplicate_member_email_is_CONFLICT_on_email() {
        ShareContext context = savedContext(savedCompany().id());
        EmailAddress email = CompanyBuilder.randomEmail("dup");
        Member original = addedMember(context.id(), email);

        assertFails(ErrorCode.CONFLICT, "email", () -> addedMember(context.id(), email));
        assertThat(ports.contexts().listMembers(context.id())).containsExactly(original);
    }

    @Test
    void the_same_email_may_be_a_member_of_two_contexts() {
        Company company = savedCompany();
        ShareContext a = savedContext(company.id());
        ShareContext b = savedContext(company.id());
        EmailAddress email = CompanyBuilder.randomEmail("both");

        addedMember(a.id(), email);
        addedMember(b.id(), email);

        assertThat(ports.contexts().contextsOf(company.id(), email, T0)).extracting(ShareContext::id)
                .containsExactlyInAnyOrder(a.id(), b.id());
    }

    @Test
    void adding_a_member_to_a_missing_context_is_NOT_FOUND() {
        Member orphan = ContextBuilder.aMember(new ShareContextId(UUID.randomUUID()), CompanyBuilder.randomEmail("o"), T0);

        assertFails(ErrorCode.NOT_FOUND, null, () -> ports.contexts().addMember(orphan));
    }

    @Test
    void removeMember_is_true_once_and_only_within_the_member_context() {
        Company company = savedCompany();
        ShareContext context = savedContext(company.id());
        ShareContext other = savedContext(company.id());
        EmailAddress email = CompanyBuilder.randomEmail("gone");
        Member member = addedMember(context.id(), email);

        assertThat(ports.contexts().removeMember(other.id(), member.id())).isFalse();
        assertThat(ports.contexts().removeMember(context.id(), new MemberId(UUID.randomUUID()))).isFalse();
        assertThat(ports.contexts().removeMember(context.id(), member.id())).isTrue();
        assertThat(ports.contexts().removeMember(context.id(), member.id())).isFalse();
        assertThat(ports.contexts().contextsOf(company.id(), email, T0)).isEmpty();
    }

    @Test
    void contextsOf_finds_the_company_contexts_of_an_email_whatever_case_it_was_typed_in() {
        Company company = savedCompany();
        ShareContext member = savedContext(ContextBuilder.aContext().inCompany(company.id()).createdAt(T0));
        ShareContext alsoMember = savedContext(ContextBuilder.aContext().inCompany(company.id()).createdAt(T0.plusSeconds(1)));
        ShareContext notMember = savedContext(company.id());
        String local = "Mixed.Case-" + UUID.randomUUID().toString().substring(0, 6);
        addedMember(member.id(), EmailAddress.parse(local + "@Example.COM").orElseThrow());
        addedMember(alsoMember.id(), EmailAddress.parse(local + "@example.com").orElseThrow());
        addedMember(notMember.id(), CompanyBuilder.randomEmail("someone-else"));
        ShareContext elsewhere = savedContext(savedCompany().id());
        addedMember(elsewhere.id(), EmailAddress.parse(local + "@example.com").orElseThrow());

        EmailAddress typed = EmailAddress.parse("  " + local.toUpperCase() + "@EXAMPLE.com ").orElseThrow();

        assertThat(ports.contexts().contextsOf(company.id(), typed, T0)).containsExactly(member, alsoMember);
    }

    private static EmailDomain randomDomain() {
        return new EmailDomain("customer-" + UUID.randomUUID().toString().substring(0, 8) + ".example");
    }

    private Member addedDomain(ShareContextId context, EmailDomain domain) {
        Member member = ContextBuilder.aDomainMember(context, domain, T0);
        ports.contexts().addMember(member);
        return member;
    }

    @Test
    void a_domain_member_admits_every_address_exactly_at_its_domain_and_no_other() {
        Company company = savedCompany();
        ShareContext context = savedContext(company.id());
        EmailDomain domain = randomDomain();
        addedDomain(context.id(), domain);

        assertThat(ports.contexts().contextsOf(company.id(), EmailAddress.parse("Anyone@" + domain.value().toUpperCase())
                .orElseThrow(), T0)).containsExactly(context);
        assertThat(ports.contexts().contextsOf(company.id(), EmailAddress.parse("a@sub." + domain.value()).orElseThrow(),
                T0)).as("a subdomain").isEmpty();
        assertThat(ports.contexts().contextsOf(company.id(), EmailAddress.parse("a@x" + domain.value()).orElseThrow(),
                T0)).as("a longer name ending the same").isEmpty();
        assertThat(ports.contexts().contextsOf(savedCompany().id(), EmailAddress.parse("a@" + domain.value())
                .orElseThrow(), T0)).as("another company").isEmpty();
    }

    @Test
    void a_domain_written_in_unicode_matches_addresses_in_punycode_and_the_other_way_round() {
        Company company = savedCompany();
        ShareContext context = savedContext(company.id());
        String label = "bücher" + UUID.randomUUID().toString().substring(0, 4);
        addedDomain(context.id(), EmailDomain.parse(label.toUpperCase() + ".example").orElseThrow());

        EmailAddress typed = EmailAddress.parse("jane@" + label + ".EXAMPLE").orElseThrow();

        assertThat(typed.domain().value()).startsWith("xn--");
        assertThat(ports.contexts().contextsOf(company.id(), typed, T0)).containsExactly(context);
    }

    @Test
    void a_duplicate_domain_is_CONFLICT_on_domain_and_may_sit_beside_an_address_of_it() {
        ShareContext context = savedContext(savedCompany().id());
        EmailDomain domain = randomDomain();
        Member original = addedDomain(context.id(), domain);
        Member person = addedMember(context.id(), EmailAddress.parse("jane@" + domain.value()).orElseThrow());

        assertFails(ErrorCode.CONFLICT, "domain", () -> addedDomain(context.id(), domain));
        assertThat(ports.contexts().listMembers(context.id())).containsExactlyInAnyOrder(original, person);
    }

    @Test
    void an_expired_member_admits_no_one_from_its_expiry_on() {
        Company company = savedCompany();
        ShareContext byAddress = savedContext(ContextBuilder.aContext().inCompany(company.id()).createdAt(T0));
        ShareContext byDomain = savedContext(ContextBuilder.aContext().inCompany(company.id()).createdAt(T0.plusSeconds(1)));
        EmailDomain domain = randomDomain();
        EmailAddress email = EmailAddress.parse("jane@" + domain.value()).orElseThrow();
        Instant expiry = T0.plusSeconds(60);
        ports.contexts().addMember(ContextBuilder.expiring(ContextBuilder.aMember(byAddress.id(), email, T0), expiry));
        ports.contexts().addMember(ContextBuilder.expiring(ContextBuilder.aDomainMember(byDomain.id(), domain, T0),
                expiry.plusSeconds(60)));

        assertThat(ports.contexts().contextsOf(company.id(), email, expiry.minusMillis(1))).containsExactly(byAddress, byDomain);
        assertThat(ports.contexts().contextsOf(company.id(), email, expiry)).containsExactly(byDomain);
        assertThat(ports.contexts().contextsOf(company.id(), email, expiry.plusSeconds(60))).isEmpty();
    }

    @Test
    void a_members_expiry_is_found_changed_and_cleared() {
        ShareContext context = savedContext(savedCompany().id());
        Member member = addedDomain(context.id(), randomDomain());
        Member expiring = ContextBuilder.expiring(member, T0.plusSeconds(3600));

        ports.contexts().updateMember(expiring);
        assertThat(ports.contexts().findMember(context.id(), member.id())).contains(expiring);
        assertThat(ports.contexts().listMembers(context.id())).containsExactly(expiring);

        Member cleared = new Member(member.id(), member.contextId(), member.admits(), member.createdAt(), Optional.empty());
        ports.contexts().updateMember(cleared);
        assertThat(ports.contexts().findMember(context.id(), member.id())).contains(cleared);
    }

    @Test
    void a_member_is_found_only_in_its_own_context_and_updating_a_missing_one_is_NOT_FOUND() {
        Company company = savedCompany();
        ShareContext context = savedContext(company.id());
        ShareContext other = savedContext(company.id());
        Member member = addedMember(context.id(), CompanyBuilder.randomEmail("found"));

        assertThat(ports.contexts().findMember(other.id(), member.id())).isEmpty();
        assertThat(ports.contexts().findMember(context.id(), new MemberId(UUID.randomUUID()))).isEmpty();
        Member elsewhere = new Member(member.id(), other.id(), member.admits(), member.createdAt(),
                Optional.of(T0.plusSeconds(5)));
        assertFails(ErrorCode.NOT_FOUND, null, () -> ports.contexts().updateMember(elsewhere));
        assertThat(ports.contexts().findMember(context.id(), member.id())).contains(member);
    }
}
