package io.dashshare.domain.context;

import static io.dashshare.domain.testing.SharingExceptionAssert.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.common.EmailDomain;
import io.dashshare.domain.error.ErrorCode;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MemberTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final ShareContextId CONTEXT = new ShareContextId(UUID.randomUUID());

    private static Member create(Member.Admits admits, Optional<Instant> expiresAt) {
        return Member.create(new MemberId(UUID.randomUUID()), CONTEXT, admits, expiresAt, NOW);
    }

    private static EmailAddress email(String raw) {
        return EmailAddress.parse(raw).orElseThrow();
    }

    @Test
    void a_domain_member_admits_addresses_exactly_at_its_domain() {
        Member member = create(new Member.Admits.Domain(new EmailDomain("customer.com")), Optional.empty());

        assertThat(member.type()).isEqualTo(MemberType.EMAIL_DOMAIN);
        assertThat(member.admits(email("Jane@Customer.com"), NOW)).isTrue();
        assertThat(member.admits(email("jane@eu.customer.com"), NOW)).isFalse();
        assertThat(member.admits(email("jane@customer.com.evil.example"), NOW)).isFalse();
        assertThat(member.admits(email("jane@evilcustomer.com"), NOW)).isFalse();
    }

    @Test
    void a_public_email_domain_is_refused_with_reason_public_email_domain() {
        assertRefused(() -> create(new Member.Admits.Domain(new EmailDomain("gmx.net")), Optional.empty()))
                .hasCode(ErrorCode.INVALID_REQUEST)
                .hasDetails("field", "domain", "reason", "public_email_domain");
    }

    @Test
    void an_address_at_a_public_email_domain_may_be_a_member() {
        assertThat(create(new Member.Admits.Address(email("jane@gmail.com")), Optional.empty()).type())
                .isEqualTo(MemberType.EXTERNAL_EMAIL);
    }

    @Test
    void a_member_admits_until_its_expiry_and_not_from_then_on() {
        Member member = create(new Member.Admits.Address(email("jane@customer.com")), Optional.of(NOW.plusSeconds(60)));

        assertThat(member.admits(email("jane@customer.com"), NOW.plusSeconds(59))).isTrue();
        assertThat(member.admits(email("jane@customer.com"), NOW.plusSeconds(60))).isFalse();
        assertThat(member.isActive(NOW.plusSeconds(60))).isFalse();
    }

    @Test
    void an_expiry_must_lie_ahead_on_create_and_on_change_and_may_be_cleared() {
        Member.Admits admits = new Member.Admits.Address(email("jane@customer.com"));
        assertRefused(() -> create(admits, Optional.of(NOW))).hasDetails("field", "expires_at");
        Member member = create(admits, Optional.of(NOW.plusSeconds(60)));

        assertRefused(() -> member.expiringAt(Optional.of(NOW.minusSeconds(1)), NOW)).hasDetails("field", "expires_at");
        assertThat(member.expiringAt(Optional.empty(), NOW).expiresAt()).isEmpty();
        assertThat(member.expiringAt(Optional.of(NOW.plusSeconds(120)), NOW).expiresAt()).contains(NOW.plusSeconds(120));
    }
}
