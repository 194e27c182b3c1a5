package io.dashshare.application.service;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.common.Ids;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.TokenSigner;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The share_access JWT: one company, one email, one session, at most an hour. Its {@code typ},
 * {@code aud}, issuer and key are its own, so it is refused wherever an owner or embed token is
 * expected and the other way round.
 */
public final class ShareAccessTokens {

    public static final String TYPE = "share-access+jwt";
    public static final String AUDIENCE = "share-portal";
    public static final String ISSUER = "dashshare";
    private static final String KEY_ID = "share-access-1";

    private final TokenSigner signer;
    private final byte[] key;
    private final RandomSource random;
    private final Clock clock;
    private final SharingSettings settings;

    public ShareAccessTokens(TokenSigner signer, byte[] key, RandomSource random, Clock clock,
                             SharingSettings settings) {
        this.signer = signer;
        this.key = key.clone();
        this.random = random;
        this.clock = clock;
        this.settings = settings;
    }

    public String issue(ShareSession session, Company company) {
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", session.email().value());
        claims.put("company", company.id().toString());
        claims.put("company_slug", company.slug().value());
        claims.put("sid", session.id().toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(settings.tokens().accessTokenTtl()).getEpochSecond());
        claims.put("jti", Base64.getUrlEncoder().withoutPadding().encodeToString(random.bytes(16)));
        return signer.sign(TYPE, KEY_ID, key, claims);
    }

    public long ttlSeconds() {
        return settings.tokens().accessTokenTtl().toSeconds();
    }

    /** Signature, type, audience, issuer and times; anything off is {@code TOKEN_INVALID}. */
    public Verified verify(String token, boolean allowExpired) {
        TokenSigner.Verified verified = signer.verify(token, TYPE,
                kid -> KEY_ID.equals(kid) ? Optional.of(key) : Optional.empty());
        Claims claims = new Claims(verified.claims());
        claims.requireEquals("iss", ISSUER);
        claims.requireAudience(AUDIENCE);
        if (!allowExpired) {
            claims.checkTimes(clock.instant(), settings.tokens().leeway());
        }
        EmailAddress email = EmailAddress.parse(claims.string("sub")).orElseThrow(SharingException::tokenInvalid);
        CompanyId company = Ids.parse(claims.string("company")).map(CompanyId::new)
                .orElseThrow(SharingException::tokenInvalid);
        SessionId session = Ids.parse(claims.string("sid")).map(SessionId::new)
                .orElseThrow(SharingException::tokenInvalid);
        return new Verified(company, claims.string("company_slug"), email, session);
    }

    public record Verified(CompanyId companyId, String companySlug, EmailAddress email, SessionId sessionId) {
    }
}
