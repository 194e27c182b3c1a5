package io.dashshare.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dashshare.adapter.crypto.NimbusTokenSigner;
import io.dashshare.adapter.crypto.SecureRandomSource;
import io.dashshare.application.service.SharingSettings;
import io.dashshare.application.service.ShareAccessTokens;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two other token kinds beside {@link EmbedTokenBenchmark}: {@code shareAccess} is
 * {@code ShareAccessTokens.verify} (the portal's bearer: signature, type, issuer, audience, times,
 * email and ids); {@code owner} is what micronaut-security-jwt does with an owner token at its core,
 * on the same nimbus-jose-jwt calls ({@code SignedJWT.parse}, {@code MACVerifier}, the claims set)
 * plus the issuer, audience and expiry checks, without Micronaut's own filter chain around it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenKindsBenchmark {

    private ShareAccessTokens shareAccess;
    private String shareAccessToken;
    private byte[] ownerSecret;
    private String ownerToken;

    @Setup
    public void setUp() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Clock clock = Clock.systemUTC();
        shareAccess = new ShareAccessTokens(new NimbusTokenSigner(), key, new SecureRandomSource(), clock,
                SharingSettings.defaults("https://share.example"));
        Company company = Company.create(new CompanyId(UUID.randomUUID()), new CompanySlug("acme"), "Acme", Instant.now());
        ShareSession session = ShareSession.open(new SessionId(UUID.randomUUID()), company.id(),
                EmailAddress.parse("viewer@example.com").orElseThrow(), clock.instant(), Duration.ofDays(7));
        shareAccessToken = shareAccess.issue(session, company);

        ownerSecret = new byte[32];
        new SecureRandom().nextBytes(ownerSecret);
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .issuer("dashshare").audience("dashshare-owner").subject(UUID.randomUUID().toString())
                .claim("company", UUID.randomUUID().toString()).claim("role", "admin")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).build());
        jwt.sign(new MACSigner(ownerSecret));
        ownerToken = jwt.serialize();
    }

    @Benchmark
    public Object shareAccess() {
        return shareAccess.verify(shareAccessToken, false);
    }

    @Benchmark
    public Object owner() throws Exception {
        SignedJWT jwt = SignedJWT.parse(ownerToken);
        if (!jwt.verify(new MACVerifier(ownerSecret))) {
            throw new IllegalStateException("owner token refused");
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        if (!"dashshare".equals(claims.getIssuer()) || !claims.getAudience().contains("dashshare-owner")
                || !claims.getExpirationTime().after(new Date())) {
            throw new IllegalStateException("owner token refused");
        }
        return claims.getSubject();
    }
}
