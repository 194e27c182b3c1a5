package io.dashshare.application.service;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.portal.OneTimeCode;
import io.dashshare.domain.portal.OtpChallengeId;
import io.dashshare.domain.tenant.Company;

/**
 * The keyed hash a one-time code is stored as (docs/security.md: codes are kept only as an HMAC
 * with the server's secret). It binds the code to its challenge, company and email, so a code is
 * worth nothing for another person or company even where the digits match.
 */
public final class CodeHashes {

    private final Keyed key;

    public CodeHashes(Keyed key) {
        this.key = key;
    }

    String of(OtpChallengeId challenge, Company company, EmailAddress email, OneTimeCode code) {
        return key.hmacHex("otp", challenge.toString(), company.id().toString(), email.value(), code.digits());
    }
}
