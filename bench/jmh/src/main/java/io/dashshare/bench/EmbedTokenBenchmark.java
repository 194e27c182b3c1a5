package io.dashshare.bench;

import io.dashshare.adapter.crypto.NimbusTokenSigner;
import io.dashshare.application.service.Claims;
import io.dashshare.application.service.EmbedTokens;
import io.dashshare.application.service.SharingSettings;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.embed.EmbedClaims;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.port.TokenSigner;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import io.dashshare.domain.tenant.EmbedOrigin;
import io.dashshare.inmemory.InMemoryPersistence;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Embed-token verification (target: under 3 us per token, docs of issue 18 in bench/README.md). {@code signatureAndClaims} is
 * {@link NimbusTokenSigner#verify} plus the claim checks {@code EmbedTokens.verify} makes;
 * {@code fullVerification} is {@code EmbedTokens.verify} itself over in-memory ports (all of it but
 * the three database reads the service adds).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EmbedTokenBenchmark {

    private final NimbusTokenSigner signer = new NimbusTokenSigner();
    private EmbedTokens tokens;
    private String token;
    private String kid;
    private byte[] secret;
    private final Clock clock = Clock.systemUTC();
    private final SharingSettings settings = SharingSettings.defaults("https://share.example");

    @Setup
    public void setUp() {
        InMemoryPersistence store = new InMemoryPersistence();
        Company company = Company.create(new CompanyId(UUID.randomUUID()), new CompanySlug("acme"), "Acme",
                Instant.now()).withEmbedOrigins(List.of(new EmbedOrigin("https://app.example.com")));
        store.companies().save(company);
        Dashboard dashboard = Dashboard.create(new DashboardId(UUID.randomUUID()), company.id(), Demo.salesOverview(),
                Instant.now());
        store.dashboards().save(dashboard);
        secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        kid = "bench-key-0001";
        EmbedKey key = EmbedKey.create(new EmbedKeyId(kid), company.id(), secret, Instant.now().minusSeconds(60));
        store.embedKeys().save(key);
        tokens = new EmbedTokens(signer, store.viewerLookups(), clock, settings);
        Instant now = Instant.now();
        token = tokens.sign(key, new EmbedClaims(company.slug(), dashboard.id(), List.of("region", "status"),
                List.of(), Map.of("period_start", new RawValue.Str("2025-01-01")), now, Optional.empty(),
                now.plus(Duration.ofHours(1)), UUID.randomUUID().toString()));
    }

    @Benchmark
    public Object signatureAndClaims() {
        TokenSigner.Verified verified = signer.verify(token, EmbedClaims.TYPE,
                k -> k.equals(kid) ? Optional.of(secret) : Optional.empty());
        Claims claims = new Claims(verified.claims());
        claims.requireAudience(EmbedClaims.AUDIENCE);
        claims.checkTimes(clock.instant(), settings.tokens().leeway());
        claims.requireEquals("iss", "acme");
        claims.requireEquals("company", "acme");
        claims.time("iat");
        claims.time("exp");
        claims.strings("allowed_params");
        claims.strings("required_params");
        claims.object("fixed_params");
        return claims.string("sub");
    }

    @Benchmark
    public Object fullVerification() {
        return tokens.verify(token);
    }
}
