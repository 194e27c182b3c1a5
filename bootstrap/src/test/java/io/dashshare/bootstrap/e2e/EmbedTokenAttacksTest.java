package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.ApiAssertions.assertError;
import static io.dashshare.bootstrap.e2e.ApiAssertions.withoutRequestId;
import static io.dashshare.bootstrap.e2e.EmbedFlowTest.execute;
import static io.dashshare.bootstrap.e2e.EmbedFlowTest.info;
import static io.dashshare.bootstrap.e2e.EmbedFlowTest.options;
import static io.dashshare.bootstrap.e2e.Jws.embedClaims;
import static io.dashshare.bootstrap.e2e.Jws.header;
import static io.dashshare.bootstrap.e2e.Jws.hs256;
import static io.dashshare.bootstrap.e2e.Jws.with;
import static io.dashshare.bootstrap.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's JWT attack suite over HTTP: each forged token is sent to the embed info, execute and
 * options routes and must answer the one 401 {@code TOKEN_INVALID} body. A correctly signed
 * token of the same shape is accepted first, so every refusal is the attack's doing.
 */
class EmbedTokenAttacksTest {

    private static Owner owner;
    private static Owner other;
    private static String slug;
    private static String dashboardId;
    private static String kid;
    private static byte[] secret;
    private static JsonNode invalidBody;

    @BeforeAll
    static void companyWithAKey() {
        owner = Owner.newCompany("initech");
        other = Owner.newCompany("umbrella");
        slug = owner.companySlug();
        dashboardId = owner.salesOverviewId();
        JsonNode key = owner.createEmbedKey();
        kid = key.get("kid").asText();
        secret = Jws.secret(key.get("secret").asText());
        invalidBody = withoutRequestId(info("not-a-token"));
    }

    @Test
    void a_token_signed_by_hand_as_the_documentation_says_is_accepted() {
        String token = hs256(header(kid), embedClaims(slug, dashboardId, "region"), secret);

        assertThat(info(token).status()).isEqualTo(200);
        assertThat(execute(token, "{\"region\": \"south\"}").status()).isEqualTo(200);
        assertThat(options(token, "region", null).status()).isEqualTo(200);
    }

    @Test
    void alg_none_in_any_spelling_is_refused() {
        Map<String, Object> claims = embedClaims(slug, dashboardId, "region");
        for (String alg : List.of("none", "None", "NoNe", "NONE")) {
            Map<String, Object> header = with(header(kid), "alg", alg);
            assertRefused(Jws.unsigned(header, claims));
            assertRefused(Jws.hmac("HmacSHA256", header, claims, secret));
        }
    }

    @Test
    void other_hmac_algorithms_and_a_wrong_key_are_refused() {
        Map<String, Object> claims = embedClaims(slug, dashboardId, "region");
        assertRefused(Jws.hmac("HmacSHA384", with(header(kid), "alg", "HS384"), claims, secret));
        assertRefused(Jws.hmac("HmacSHA512", with(header(kid), "alg", "HS512"), claims, secret));
        byte[] wrong = new byte[32];
        new SecureRandom().nextBytes(wrong);
        assertRefused(hs256(header(kid), claims, wrong));
        assertRefused(hs256(header(kid), claims, "secret".getBytes()));
        assertRefused(hs256(header(kid), claims, other.companySlug().repeat(4).getBytes()));
    }

    @Test
    void rs256_and_the_rs_hs_confusion_are_refused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Map<String, Object> claims = embedClaims(slug, dashboardId, "region");

        assertRefused(Jws.rs256(with(header(kid), "alg", "RS256"), claims, pair.getPrivate()));
        // The public key used as an HMAC secret, announced in-band as a JWK.
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "oct");
        jwk.put("k", Base64.getUrlEncoder().withoutPadding().encodeToString(pair.getPublic().getEncoded()));
        assertRefused(hs256(with(header(kid), "jwk", jwk), claims, pair.getPublic().getEncoded()));
        assertRefused(hs256(with(header(null), "jwk", jwk), claims, pair.getPublic().getEncoded()));
        assertRefused(hs256(with(header(kid), "jku", "https://evil.example/jwks.json"), claims,
                pair.getPublic().getEncoded()));
    }

    @Test
    void an_unknown_or_missing_kid_is_refused() {
        Map<String, Object> claims = embedClaims(slug, dashboardId, "region");
        assertRefused(hs256(header(null), claims, secret));
        for (String forged : List.of("unknown-kid", "", "../../dev/null", "' OR '1'='1", kid + " ", kid.toUpperCase())) {
            if (!forged.equals(kid)) {
                assertRefused(hs256(header(forged), claims, secret));
            }
        }
        assertRefused(hs256(with(header(null), "kid", 42), claims, secret));
    }

    @Test
    void a_key_of_another_company_signs_nothing_here() {
        JsonNode otherKey = other.createEmbedKey();
        byte[] otherSecret = Jws.secret(otherKey.get("secret").asText());
        String otherKid = otherKey.get("kid").asText();

        assertRefused(hs256(header(otherKid), embedClaims(slug, dashboardId, "region"), otherSecret));
        // Our key, our issuer, the other company's dashboard.
        assertRefused(hs256(header(kid), embedClaims(slug, other.salesOverviewId(), "region"), secret));
        // Its own key and issuer, our dashboard.
        assertRefused(hs256(header(otherKid), embedClaims(other.companySlug(), dashboardId, "region"), otherSecret));
    }

    @Test
    void expired_and_not_yet_valid_tokens_are_refused() {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = embedClaims(slug, dashboardId, "region");
        assertRefused(hs256(header(kid), with(with(claims, "iat", now - 7200), "exp", now - 3600), secret));
        assertRefused(hs256(header(kid), with(with(claims, "iat", now - 600), "exp", now - 120), secret));
        assertRefused(hs256(header(kid), with(claims, "exp", null), secret));
        assertRefused(hs256(header(kid), with(claims, "exp", String.valueOf(now + 600)), secret));
        assertRefused(hs256(header(kid), with(claims, "nbf", now + 3600), secret));
        assertRefused(hs256(header(kid), with(with(claims, "iat", now + 3600), "exp", now + 7200), secret));
        assertRefused(hs256(header(kid), with(claims, "exp", now + 31L * 24 * 3600), secret));
        // nbf in the past and a few seconds of clock skew are fine.
        assertThat(info(hs256(header(kid), with(claims, "nbf", now - 5), secret)).status()).isEqualTo(200);
        assertThat(info(hs256(header(kid), with(claims, "iat", now + 5), secret)).status()).isEqualTo(200);
    }

    @Test
    void a_wrong_or_missing_audience_issuer_company_or_type_is_refused() {
        Map<String, Object> claims = embedClaims(slug, dashboardId, "region");
        for (Object aud : new Object[] {"embeds", "share-portal", "", List.of("other"), 1}) {
            assertRefused(hs256(header(kid), with(claims, "aud", aud), secret));
        }
        assertRefused(hs256(header(kid), with(claims, "aud", null), secret));
        for (Object iss : new Object[] {other.companySlug(), "acme", "dashshare", slug.toUpperCase(), List.of(slug)}) {
            assertRefused(hs256(header(kid), with(claims, "iss", iss), secret));
        }
        assertRefused(hs256(header(kid), with(claims, "iss", null), secret));
        assertRefused(hs256(header(kid), with(claims, "company", other.companySlug()), secret));
        assertRefused(hs256(header(kid), with(claims, "sub", UUID.randomUUID().toString()), secret));
        assertRefused(hs256(header(kid), with(claims, "sub", "sales-overview"), secret));
        for (Object typ : new Object[] {"JWT", "share-access+jwt", "", 1}) {
            assertRefused(hs256(with(header(kid), "typ", typ), claims, secret));
        }
        assertRefused(hs256(with(header(kid), "typ", null), claims, secret));
        assertRefused(hs256(with(header(kid), "crit", List.of("exp")), claims, secret));
    }

    @Test
    void a_tampered_payload_with_the_original_signature_is_refused() {
        String token = hs256(header(kid), embedClaims(slug, dashboardId, "region"), secret);
        String[] parts = token.split("\\.");
        Map<String, Object> widened = embedClaims(slug, dashboardId, "region", "status", "period_start", "period_end");

        assertRefused(parts[0] + "." + Jws.encode(widened) + "." + parts[2]);
        assertRefused(parts[0] + "." + Jws.encode(with(embedClaims(slug, dashboardId, "region"), "exp",
                System.currentTimeMillis() / 1000 + 20 * 24 * 3600)) + "." + parts[2]);
        assertRefused(Jws.encode(with(header(kid), "alg", "HS256 ")) + "." + parts[1] + "." + parts[2]);
        assertRefused(token + ".");
        assertRefused(token + "." + parts[2]);
        assertRefused(parts[0] + "." + parts[1]);
        assertRefused(parts[0] + "." + parts[1] + "." + "MAYCAQACAQA");
        assertRefused(parts[0] + "." + parts[1] + "." + parts[2].substring(1));
        assertRefused(parts[0] + "." + parts[1] + "." + parts[2] + "=");
        // Duplicate members, correctly signed: strict JSON refuses them (which "sub" would count?).
        String claimsJson = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        String headerJson = new String(Base64.getUrlDecoder().decode(parts[0]), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(info(Jws.hs256Raw(headerJson, claimsJson, secret)).status()).isEqualTo(200);
        assertRefused(Jws.hs256Raw(headerJson, claimsJson.replaceFirst("\\{", "{\"sub\":\"" + other.salesOverviewId() + "\","),
                secret));
        assertRefused(Jws.hs256Raw(headerJson.replaceFirst("\\{", "{\"alg\":\"none\","), claimsJson, secret));
        // The accepted original, to show the refusals were the tampering's doing.
        assertThat(info(token).status()).isEqualTo(200);
    }

    @Test
    void owner_share_link_and_share_access_tokens_are_refused_as_embed_tokens() {
        String shareToken = owner.publicLink(dashboardId, "[]");
        assertRefused(owner.accessToken());
        assertRefused(shareToken);
        // A share-access token of a real session (see SharePortalSecurityTest for the reverse).
        String email = Portal.newEmail("embedcross");
        Portal.member(owner, dashboardId, email);
        assertRefused(Portal.signIn(slug, email).get("access_token").asText());
    }

    @Test
    void an_embed_token_is_refused_on_owner_and_portal_routes() {
        String token = owner.embedToken(dashboardId, "{\"allowed_params\": [\"region\"]}");
        for (String path : List.of("/api/v1/dashboards", "/api/v1/dashboards/" + dashboardId, "/api/v1/company",
                "/api/v1/embed/keys", "/api/v1/share-portal/" + slug + "/dashboards")) {
            assertError(owner.api().get(path, "Authorization", bearer(token)), 401, "TOKEN_INVALID");
        }
        assertError(owner.api().post("/api/v1/embed/dashboards/" + dashboardId, "{}", "Authorization", bearer(token)),
                401, "TOKEN_INVALID");
        assertError(owner.api().post("/api/v1/share-portal/" + slug + "/dashboards/sales-overview/execute",
                "{\"context_id\": \"" + UUID.randomUUID() + "\", \"parameters\": {}}", "Authorization", bearer(token)),
                401, "TOKEN_INVALID");
        assertThat(info(token).status()).isEqualTo(200);
    }

    @Test
    void a_token_for_a_deleted_dashboard_is_refused() {
        String doomed = owner.createDashboard(Owner.demoDashboardDocument()
                .replace("\"slug\": \"sales-overview\"", "\"slug\": \"doomed\""));
        String minted = owner.embedToken(doomed, "{\"allowed_params\": [\"region\"]}");
        String signed = hs256(header(kid), embedClaims(slug, doomed, "region"), secret);
        assertThat(info(minted).status()).isEqualTo(200);
        assertThat(info(signed).status()).isEqualTo(200);

        assertThat(owner.send("DELETE", "/api/v1/dashboards/" + doomed, null).status()).isEqualTo(204);

        assertRefused(minted);
        assertRefused(signed);
    }

    @Test
    void tokens_issued_before_the_revocation_cutoff_are_refused_and_later_ones_work() throws InterruptedException {
        String dashboard = owner.createDashboard(Owner.demoDashboardDocument()
                .replace("\"slug\": \"sales-overview\"", "\"slug\": \"cutoff\""));
        String minted = owner.embedToken(dashboard, "{\"allowed_params\": [\"region\"]}");
        String signed = hs256(header(kid), embedClaims(slug, dashboard, "region"), secret);
        String otherDashboard = owner.embedToken(dashboardId, "{\"allowed_params\": [\"region\"]}");
        assertThat(info(minted).status()).isEqualTo(200);

        Reply cutoff = owner.post("/api/v1/embed/dashboards/" + dashboard + "/revoke-tokens", null);

        assertThat(cutoff.status()).as("%s", cutoff).isEqualTo(200);
        assertThat(cutoff.json().get("embed_tokens_not_before").asText()).isNotBlank();
        assertRefused(minted);
        assertRefused(signed);
        assertThat(info(otherDashboard).status()).isEqualTo(200);
        // iat has whole seconds: a token from the next second on is after the cutoff.
        Thread.sleep(1_100);
        assertThat(info(owner.embedToken(dashboard, "{\"allowed_params\": [\"region\"]}")).status()).isEqualTo(200);
        assertThat(info(hs256(header(kid), embedClaims(slug, dashboard, "region"), secret)).status()).isEqualTo(200);
    }

    /** The same 401 body on every embed route, whatever the attack. */
    private static void assertRefused(String token) {
        for (Reply reply : List.of(info(token), execute(token, "{\"region\": \"south\"}"),
                options(token, "region", null))) {
            if (reply.status() == 404) {
                // A token that breaks the path itself (a slash, an encoded dot) never reaches a route.
                assertError(reply, 404, "NOT_FOUND");
                continue;
            }
            assertError(reply, 401, "TOKEN_INVALID");
            assertThat(withoutRequestId(reply)).as("%s", reply).isEqualTo(invalidBody);
            assertThat(reply.header("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
        }
    }
}
