package io.dashshare.application.service;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.mail.MailBody;
import io.dashshare.domain.mail.MailKind;
import io.dashshare.domain.port.InviteMailer;
import io.dashshare.domain.port.OwnerInviteRepository;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerInvite;
import java.time.Instant;
import java.util.Map;

/**
 * The invite link of a new owner (docs/api.md, owners): 256 random bits, stored hashed, single
 * use, valid 7 days, carried in the URL's fragment so that it never reaches a server log. A newer
 * invite of the same owner replaces the older one. The mail goes through the outbox in the same
 * transaction (README, mail outbox), so an SMTP outage delays it instead of losing it; the outbox
 * seals the link like a code.
 */
public final class OwnerInvites {

    private static final String COMPANY_NAME = "company_name";
    private static final String INVITE_URL = "invite_url";
    private static final String EXPIRES_AT = "expires_at";

    private final OwnerInviteRepository invites;
    private final MailQueue mails;
    private final RandomSource random;
    private final SharingSettings settings;

    public OwnerInvites(OwnerInviteRepository invites, MailQueue mails, RandomSource random,
                        SharingSettings settings) {
        this.invites = invites;
        this.mails = mails;
        this.random = random;
        this.settings = settings;
    }

    /** Inside the caller's transaction: stores a new invite, queues its mail and answers its link. */
    String issue(OwnerAccount owner, Company company, Instant now) {
        SecretToken token = SecretToken.fromRandomBytes(random.bytes(SecretToken.BYTES));
        OwnerInvite invite = OwnerInvite.create(token.hash(), owner.id(), owner.companyId(), now);
        invites.replace(invite);
        String url = settings.publicBaseUrl() + "/console/invite#" + token.value();
        mails.queue(MailKind.OWNER_INVITE, owner.email(), "owner_invite:" + owner.id(), MailBody.of(Map.of(
                COMPANY_NAME, company.name(), INVITE_URL, url, EXPIRES_AT, invite.expiresAt().toString())),
                now, invite.expiresAt());
        return url;
    }

    /** The mail of a queued invite, for the sender. */
    static InviteMailer.Invite mail(EmailAddress to, MailBody body) {
        return new InviteMailer.Invite(to, body.require(COMPANY_NAME), body.require(INVITE_URL),
                Instant.parse(body.require(EXPIRES_AT)));
    }
}
