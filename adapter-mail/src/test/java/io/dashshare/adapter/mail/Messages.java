package io.dashshare.adapter.mail;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.port.OneTimeCodeMailer;
import io.dashshare.domain.portal.OneTimeCode;
import java.time.Duration;

/** A code mail to a viewer of Acme; the code is 1234-5678 unless said otherwise. */
final class Messages {

    static final String CODE_DIGITS = "12345678";
    static final String CODE_SHOWN = "1234-5678";
    static final String PORTAL = "https://share.example.com/portal/acme";

    private Messages() {
    }

    static OneTimeCodeMailer.Message aCodeMail() {
        return aCodeMailFrom("Acme Corp");
    }

    static OneTimeCodeMailer.Message aCodeMailFrom(String companyName) {
        return new OneTimeCodeMailer.Message(new EmailAddress("viewer@example.com"), companyName, "acme",
                OneTimeCode.fromUniform(Integer.parseInt(CODE_DIGITS)), Duration.ofMinutes(10), PORTAL);
    }
}
