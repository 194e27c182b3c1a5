package io.dashshare.application.service;

import io.dashshare.domain.common.Ids;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.embed.EmbedClaims;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.error.TokenRefusal;
import io.dashshare.domain.tenant.CompanyId;
import java.util.function.Predicate;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.port.TokenSigner;
import io.dashshare.domain.port.ViewerLookups;
import io.dashshare.domain.port.ViewerLookups.KeyOfCompany;
import io.dashshare.domain.tenant.Company;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signs and verifies embed tokens (docs/embedding.md). Verification reads no row for the token
 * itself: only the key (by {@code kid}) with its company, then the dashboard once the signature
 * holds.
 */
public final class EmbedTokens {

    private final TokenSigner signer;
    private final ViewerLookups lookups;
    private final Clock clock;
    private final SharingSettings settings;

    public EmbedTokens(TokenSigner signer, ViewerLookups lookups, Clock clock, SharingSettings settings) {
        this.signer = signer;
        this.lookups = lookups;
        this.clock = clock;
        this.settings = settings;
    }

    public String sign(EmbedKey key, EmbedClaims claims) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("iss", claims.issuer());
        body.put("aud", EmbedClaims.AUDIENCE);
        body.put("sub", claims.dashboardId().toString());
        body.put("company", claims.company().value());
        body.put("allowed_params", claims.allowedParams());
        body.put("required_params", claims.requiredParams());
        Map<String, Object> fixed = new LinkedHashMap<>();
        claims.fixedParams().forEach((slug, raw) -> fixed.put(slug, raw.toPlain()));
        body.put("fixed_params", fixed);
        body.put("iat", claims.issuedAt().getEpochSecond());
        body.put("exp", claims.expiresAt().getEpochSecond());
        body.put("jti", claims.jti());
        body.put("downloads", claims.downloads());
        return signer.sign(EmbedClaims.TYPE, key.id().value(), key.secret(), body);
    }

    /** A verified token with its company and dashboard, or {@code TOKEN_INVALID}. */
    public Verified verify(String token) {
        return verify(token, key -> true);
    }

    /**
     * {@link #verify(String)} with only the keys of {@code company}: the inspector's verification,
     * so that another company's token is {@code unknown_kid} and nothing more (docs/embedding.md).
     * Refusals are {@code TokenRefusedException}s naming the failed check.
     */
    public Verified verifyOf(CompanyId company, String token) {
        return verify(token, key -> key.company().id().equals(company));
    }

    /** The decoded claims of a token whose signature verifies with a live key of {@code company}. */
    public Map<String, Object> claimsOf(CompanyId company, String token) {
        return signer.verify(token, EmbedClaims.TYPE, kid -> EmbedKeyId.isValid(kid)
                ? lookups.embedKey(new EmbedKeyId(kid)).filter(k -> k.key().isActive() && k.company().id().equals(company))
                        .map(k -> k.key().secret())
                : Optional.empty()).claims();
    }

    private Verified verify(String token, Predicate<KeyOfCompany> keyAccepted) {
        return verify(token, keyAccepted, new Seen());
    }

    /**
     * {@link #verify(String)}, or what the refused token let us know: the company of a key its
     * {@code kid} names, and, once the signature held, its {@code jti}, {@code sub} and dashboard
     * (for the refusal's audit event, docs/api.md, audit log). Nothing unverified but the
     * {@code kid}'s company is kept.
     */
    public Attempt attempt(String token) {
        Seen seen = new Seen();
        try {
            return verify(token, key -> true, seen);
        } catch (SharingException e) {
            // Only on refusal: the verification itself reads the dashboard once, later.
            Optional<DashboardId> dashboard = Optional.ofNullable(seen.subject).flatMap(Ids::parse).map(DashboardId::new)
                    .filter(id -> seen.key != null && seen.key.dashboard(id).isPresent());
            return new Refused(Optional.ofNullable(seen.key).map(KeyOfCompany::company),
                    Optional.ofNullable(seen.jti), Optional.ofNullable(seen.subject), dashboard, e);
        }
    }

    /** What a verification learned before it failed. */
    private static final class Seen {
        KeyOfCompany key;
        String jti;
        String subject;
    }

    private Verified verify(String token, Predicate<KeyOfCompany> keyAccepted, Seen seen) {
        TokenSigner.Verified verified = signer.verify(token, EmbedClaims.TYPE, kid -> {
            if (!EmbedKeyId.isValid(kid)) {
                return Optional.empty();
            }
            Optional<KeyOfCompany> key = lookups.embedKey(new EmbedKeyId(kid)).filter(k -> k.key().isActive() && k.company().isActive())
                    .filter(keyAccepted);
            if (key.isEmpty()) {
                // A retired key or a suspended company still names whose token this was.
                lookups.embedKey(new EmbedKeyId(kid)).filter(keyAccepted).ifPresent(k -> seen.key = k);
            }
            key.ifPresent(k -> seen.key = k);
            return key.map(k -> k.key().secret());
        });
        Claims claims = new Claims(verified.claims());
        if (verified.claims().get("jti") instanceof String jti) {
            seen.jti = jti;
        }
        if (verified.claims().get("sub") instanceof String sub) {
            seen.subject = sub;
        }
        Instant now = clock.instant();
        claims.requireAudience(EmbedClaims.AUDIENCE);
        claims.checkTimes(now, settings.tokens().leeway());
        Instant issuedAt = claims.time("iat");
        Instant expiresAt = claims.time("exp");
        if (expiresAt.isAfter(issuedAt.plus(settings.tokens().embedMaxTtl()))) {
            throw Claims.refused(TokenRefusal.LIFETIME_TOO_LONG);
        }
        Company company = seen.key.company();
        claims.requireEquals("iss", company.slug().value());
        claims.requireEquals("company", company.slug().value());
        DashboardId dashboardId = Ids.parse(claims.string("sub")).map(DashboardId::new)
                .orElseThrow(() -> Claims.refused(TokenRefusal.SUB_NOT_A_DASHBOARD));
        Dashboard dashboard = seen.key.dashboard(dashboardId)
                .orElseThrow(() -> Claims.refused(TokenRefusal.SUB_NOT_A_DASHBOARD));
        if (dashboard.embedTokensNotBefore().filter(issuedAt::isBefore).isPresent()) {
            throw Claims.refused(TokenRefusal.REVOKED);
        }
        Map<String, RawValue> fixed = new LinkedHashMap<>();
        claims.object("fixed_params").forEach((slug, value) -> fixed.put(slug, RawValue.fromPlain(value)));
        EmbedClaims embedClaims = new EmbedClaims(company.slug(), dashboardId, claims.strings("allowed_params"),
                claims.strings("required_params"), fixed, issuedAt, claims.optionalTime("nbf"), expiresAt,
                claims.string("jti"), claims.flag("downloads"));
        return new Verified(company, dashboard, embedClaims);
    }

    /** A verification's result: {@link Verified} or {@link Refused}. */
    public sealed interface Attempt permits Verified, Refused {
    }

    /** A refused token, with the company, {@code jti}, {@code sub} and dashboard it was found to name. */
    public record Refused(Optional<Company> company, Optional<String> jti, Optional<String> subject,
                          Optional<DashboardId> dashboard, SharingException refusal) implements Attempt {
    }

    public record Verified(Company company, Dashboard dashboard, EmbedClaims claims) implements Attempt {
    }
}
