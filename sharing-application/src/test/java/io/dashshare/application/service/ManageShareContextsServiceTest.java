package io.dashshare.application.service;

import io.dashshare.application.port.in.NewMember;
import io.dashshare.domain.common.EmailAddress;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static io.dashshare.application.testing.SharingAssertions.conflictOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.MemberId;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.error.ErrorCode;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManageShareContextsServiceTest {

    private SharingHarness h;
    private OwnerPrincipal owner;
    private OwnerPrincipal intruder;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        owner = h.ownerOf(h.company("acme"));
        intruder = h.ownerOf(h.company("globex"));
    }

    @Test
    void the_guides_context_and_member_are_created_and_listed() {
        ShareContext context = h.contexts().create(owner, "External customers", Optional.of("External customer access"));
        Member member = h.contexts().addMember(owner, context.id(), email("Customer@Company.com"));

        assertThat(h.contexts().list(owner)).containsExactly(context);
        assertThat(h.contexts().get(owner, context.id()).description()).isEqualTo("External customer access");
        assertThat(member.admits()).isEqualTo(new Member.Admits.Address(new EmailAddress("customer@company.com")));
        assertThat(h.contexts().members(owner, context.id())).containsExactly(member);
    }

    @Test
    void an_email_is_a_member_once_per_context() {
        ShareContext context = h.context(owner, "Customers");
        h.member(owner, context, "customer@company.com");

        conflictOn("email", () -> h.contexts().addMember(owner, context.id(), email("CUSTOMER@company.com")));
    }

    @Test
    void a_blank_name_is_invalid_request() {
        failsWith(ErrorCode.INVALID_REQUEST, () -> h.contexts().create(owner, " ", Optional.empty()));
    }

    @Test
    void renaming_keeps_what_is_not_sent() {
        ShareContext context = h.context(owner, "Customers");

        ShareContext renamed = h.contexts().update(owner, context.id(), Optional.of("Clients"), Optional.empty());

        assertThat(renamed.name()).isEqualTo("Clients");
        assertThat(renamed.description()).isEqualTo(context.description());
    }

    @Test
    void another_companys_context_is_not_found_everywhere() {
        ShareContext ours = h.context(owner, "Customers");
        Member member = h.member(owner, ours, "customer@company.com");

        failsWith(ErrorCode.NOT_FOUND, () -> h.contexts().get(intruder, ours.id()));
        failsWith(ErrorCode.NOT_FOUND, () -> h.contexts().update(intruder, ours.id(), Optional.of("x"), Optional.empty()));
        failsWith(ErrorCode.NOT_FOUND, () -> h.contexts().delete(intruder, ours.id()));
        failsWith(ErrorCode.NOT_FOUND, () -> h.contexts().members(intruder, ours.id()));
        failsWith(ErrorCode.NOT_FOUND, () -> h.contexts().addMember(intruder, ours.id(),
                email("spy@globex.example")));
        failsWith(ErrorCode.NOT_FOUND, () -> h.contexts().removeMember(intruder, ours.id(), member.id()));
        assertThat(h.contexts().list(intruder)).isEmpty();
        assertThat(h.contexts().members(owner, ours.id())).containsExactly(member);
    }

    @Test
    void unknown_contexts_and_members_are_not_found() {
        ShareContext context = h.context(owner, "Customers");

        failsWith(ErrorCode.NOT_FOUND, () -> h.contexts().removeMember(owner, context.id(),
                new MemberId(UUID.randomUUID())));
        failsWith(ErrorCode.NOT_FOUND, () -> h.contexts().delete(owner, new ShareContextId(UUID.randomUUID())));
    }

    /** A member by address, as the adapter parses the body. */
    private static NewMember email(String raw) {
        return new NewMember.ExternalEmail(EmailAddress.parse(raw).orElseThrow());
    }
}
