package io.dashshare.adapter.http.security;

import io.dashshare.application.port.in.AuthenticateOwnerUseCase.OwnerTokenClaims;
import io.dashshare.application.port.in.SignedInOwner;
import io.dashshare.domain.common.Ids;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.OwnerId;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The owner's access token (docs/tokens.md, owner tokens): an HS256 JWT from Micronaut's
 * generator naming the owner ({@code sub}), the company, the account's token generation
 * ({@code gen}) and its own id ({@code jti}). It carries no role and no email: both are read from
 * the store on each request. Its issuer and audience are its own, so share-access and embed tokens
 * (other audiences, other keys) never pass as one, and {@link OwnerTokenClaimsValidator} refuses
 * any token without them.
 */
@Singleton
public final class OwnerTokens {

    public static final String ISSUER = "dashshare";
    public static final String AUDIENCE = "owner-api";
    public static final String COMPANY = "company";
    public static final String GENERATION = "gen";
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

    public Issued issue(SignedInOwner owner) {
        Instant now = clock.instant();
        byte[] jti = new byte[16];
        RANDOM.nextBytes(jti);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", owner.person().id().toString());
        claims.put(COMPANY, owner.principal().companyId().toString());
        claims.put(GENERATION, owner.tokenGeneration());
        claims.put("roles", List.of(ROLE_OWNER));
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.plus(ttl).getEpochSecond());
        claims.put("jti", Base64.getUrlEncoder().withoutPadding().encodeToString(jti));
        String token = generator.generateToken(claims).orElseThrow(() ->
                new IllegalStateException("no JWT signature is configured (micronaut.security.token.jwt.signatures)"));
        return new Issued(token, ttl.toSeconds());
    }

    /** What a validated owner token says; empty for any other authentication (an API key). */
    static Optional<OwnerTokenClaims> claims(Authentication authentication) {
        Map<String, Object> attributes = authentication.getAttributes();
        Optional<OwnerId> owner = Ids.parse(authentication.getName()).map(OwnerId::new);
        Optional<CompanyId> company = Ids.parse(attributes.get(COMPANY) instanceof String s ? s : null)
                .map(CompanyId::new);
        Optional<Instant> expiresAt = time(attributes.get("exp"));
        if (owner.isEmpty() || company.isEmpty() || expiresAt.isEmpty()
                || !(attributes.get(GENERATION) instanceof Number generation)
                || !(attributes.get("jti") instanceof String jti) || jti.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OwnerTokenClaims(owner.get(), company.get(), generation.longValue(), jti,
                expiresAt.get()));
    }

    private static Optional<Instant> time(Object claim) {
        if (claim instanceof Date date) {
            return Optional.of(date.toInstant());
        }
        if (claim instanceof Number seconds) {
            return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
        }
        return Optional.empty();
    }

    public record Issued(String token, long expiresInSeconds) {
        @Override
        public String toString() {
            return "Issued[redacted, expiresIn=" + expiresInSeconds + "]";
        }
    }
}
