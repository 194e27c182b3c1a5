package io.dashshare.application.service;

import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.InviteMailer;
import io.dashshare.domain.port.OneTimeCodeMailer;
import io.dashshare.domain.port.OwnerInviteRepository;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerInvite;
import java.time.Instant;

/**
 * The invite link of a new owner (docs/api.md, owners): 256 random bits, stored hashed, single
 * use, valid 7 days, carried in the URL's fragment so that it never reaches a server log. A newer
 * invite of the same owner replaces the older one.
 */
public final class OwnerInvites {

    private static final System.Logger LOG = System.getLogger(OwnerInvites.class.getName());

    private final OwnerInviteRepository invites;
    private final InviteMailer mailer;
    private final RandomSource random;
    private final SharingSettings settings;

    public OwnerInvites(OwnerInviteRepository invites, InviteMailer mailer, RandomSource random,
                        SharingSettings settings) {
        this.invites = invites;
        this.mailer = mailer;
        this.random = random;
        this.settings = settings;
    }

    /** Stores a new invite (inside the caller's transaction) and answers its link. */
    Issued issue(OwnerAccount owner, Instant now) {
        SecretToken token = SecretToken.fromRandomBytes(random.bytes(SecretToken.BYTES));
        OwnerInvite invite = OwnerInvite.create(token.hash(), owner.id(), owner.companyId(), now);
        invites.replace(invite);
        return new Issued(invite, settings.publicBaseUrl() + "/console/invite#" + token.value());
    }

    /**
     * Mails the link, after the transaction. A mail that cannot be handed over now is logged (never
     * the link) and does not undo the invite: the admin has the link in the answer too.
     */
    void mail(OwnerAccount owner, Company company, Issued issued) {
        try {
            mailer.send(new InviteMailer.Invite(owner.email(), company.name(), issued.url(),
                    issued.invite().expiresAt()));
        } catch (OneTimeCodeMailer.DeliveryFailedException | SharingException e) {
            LOG.log(System.Logger.Level.WARNING, "the invite mail to an owner of company {0} was not sent: {1}",
                    company.slug(), e.getMessage());
        }
    }

    record Issued(OwnerInvite invite, String url) {
        @Override
        public String toString() {
            return "Issued[" + invite.ownerId() + ", link=redacted]";
        }
    }
}
