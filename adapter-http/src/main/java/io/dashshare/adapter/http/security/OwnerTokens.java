package io.dashshare.adapter.http.security;

import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.common.Ids;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.tenant.Role;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The owner's access token: an HS256 JWT from Micronaut's generator. Its issuer and audience are
 * its own, so share-access and embed tokens (other audiences, other keys) never pass as one, and
 * {@link OwnerTokenClaimsValidator} refuses any token without them.
 */
@Singleton
public final class OwnerTokens {

    public static final String ISSUER = "dashshare";
    public static final String AUDIENCE = "owner-api";
    public static final String COMPANY = "company";
    public static final String EMAIL = "email";
    public static final String ROLE_OWNER = "OWNER";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenGenerator generator;
    private final Duration ttl;
    private final Clock clock;

    public OwnerTokens(TokenGenerator generator, @Value("${sharing.http.owner-token-ttl:1h}") Duration ttl) {
        this(generator, ttl, Clock.systemUTC());
    }

    OwnerTokens(TokenGenerator generator, Duration ttl, Clock clock) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("sharing.http.owner-token-ttl must be between 1 s and 12 h");
        }
        this.generator = generator;
        this.ttl = ttl;
        this.clock = clock;
    }

    public Issued issue(OwnerPrincipal owner) {
        Instant now = clock.instant();
        byte[] jti = new byte[16];
        RANDOM.nextBytes(jti);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        OwnerPrincipal.Actor.Person person = (OwnerPrincipal.Actor.Person) owner.actor();
        claims.put("sub", person.id().toString());
        claims.put(EMAIL, person.email().value());
        claims.put(COMPANY, owner.companyId().toString());
        claims.put("roles", List.of(ROLE_OWNER));
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.plus(ttl).getEpochSecond());
        claims.put("jti", Base64.getUrlEncoder().withoutPadding().encodeToString(jti));
        String token = generator.generateToken(claims).orElseThrow(() ->
                new IllegalStateException("no JWT signature is configured (micronaut.security.token.jwt.signatures)"));
        return new Issued(token, ttl.toSeconds());
    }

    /** The principal behind a validated token; a token without our claims is {@code TOKEN_INVALID}. */
    public static OwnerPrincipal principal(Authentication authentication) {
        if (authentication == null) {
            throw new SharingException(ErrorCode.UNAUTHENTICATED, "Authentication is required.");
        }
        OwnerId owner = Ids.parse(authentication.getName()).map(OwnerId::new)
                .orElseThrow(SharingException::tokenInvalid);
        Object company = authentication.getAttributes().get(COMPANY);
        CompanyId companyId = Ids.parse(company instanceof String s ? s : null).map(CompanyId::new)
                .orElseThrow(SharingException::tokenInvalid);
        Object email = authentication.getAttributes().get(EMAIL);
        EmailAddress address = EmailAddress.parse(email instanceof String e ? e : null)
                .orElseThrow(SharingException::tokenInvalid);
        return OwnerPrincipal.person(owner, address, companyId, Role.ADMIN);
    }

    public record Issued(String token, long expiresInSeconds) {
        @Override
        public String toString() {
            return "Issued[redacted, expiresIn=" + expiresInSeconds + "]";
        }
    }
}
