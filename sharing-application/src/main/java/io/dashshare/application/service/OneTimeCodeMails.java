package io.dashshare.application.service;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.mail.MailBody;
import io.dashshare.domain.port.OneTimeCodeMailer;
import io.dashshare.domain.portal.OneTimeCode;
import java.time.Duration;
import java.util.Map;

/** A code mail's message as the fields of a queued {@link MailBody}, and back. */
final class OneTimeCodeMails {

    private OneTimeCodeMails() {
    }

    static MailBody body(OneTimeCodeMailer.Message message) {
        return MailBody.of(Map.of(
                "company_name", message.companyName(),
                "company_slug", message.companySlug(),
                "code", message.code().digits(),
                "valid_for_seconds", Long.toString(message.validFor().toSeconds()),
                "portal_url", message.portalUrl()));
    }

    static OneTimeCodeMailer.Message message(EmailAddress to, MailBody body) {
        return new OneTimeCodeMailer.Message(to, body.require("company_name"), body.require("company_slug"),
                OneTimeCode.parse(body.require("code")).orElseThrow(() -> new IllegalStateException("stored code")),
                Duration.ofSeconds(Long.parseLong(body.require("valid_for_seconds"))), body.require("portal_url"));
    }
}
