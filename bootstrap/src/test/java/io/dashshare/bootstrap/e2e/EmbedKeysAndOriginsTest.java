package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.ApiAssertions.assertError;
import static io.dashshare.bootstrap.e2e.EmbedFlowTest.info;
import static io.dashshare.bootstrap.e2e.Jws.embedClaims;
import static io.dashshare.bootstrap.e2e.Jws.header;
import static io.dashshare.bootstrap.e2e.Jws.hs256;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 over HTTP: keys rotate without breaking live embeds until the old key is retired, and
 * embed answers carry {@code frame-ancestors} and CORS grants from exactly the company's own
 * embed origins. Each test uses a company of its own, so the demo company's keys and origins,
 * which other tests rely on, are never touched.
 */
class EmbedKeysAndOriginsTest {

    @Test
    void a_new_key_signs_new_tokens_while_old_ones_stay_valid_until_their_key_is_retired() {
        Owner owner = Owner.newCompany("rotate");
        String dashboardId = owner.salesOverviewId();
        JsonNode first = owner.createEmbedKey();
        assertThat(first.get("algorithm").asText()).isEqualTo("HS256");
        assertThat(Jws.secret(first.get("secret").asText())).hasSizeGreaterThanOrEqualTo(32);
        String oldMinted = owner.embedToken(dashboardId, "{}");
        String oldSigned = hs256(header(first.get("kid").asText()), embedClaims(owner.companySlug(), dashboardId),
                Jws.secret(first.get("secret").asText()));
        assertThat(Jws.headerOf(oldMinted).get("kid")).isEqualTo(first.get("kid").asText());

        JsonNode second = owner.createEmbedKey();
        String newMinted = owner.embedToken(dashboardId, "{}");

        assertThat(Jws.headerOf(newMinted).get("kid")).isEqualTo(second.get("kid").asText());
        for (String token : List.of(oldMinted, oldSigned, newMinted)) {
            assertThat(info(token).status()).as(token).isEqualTo(200);
        }
        Reply keys = owner.get("/api/v1/embed/keys");
        assertThat(keys.json().get("keys")).hasSize(2);
        assertThat(keys.body()).doesNotContain("secret").doesNotContain(first.get("secret").asText());
        keys.json().get("keys").forEach(k -> assertThat(k.get("active").asBoolean()).isTrue());

        Reply retired = owner.post("/api/v1/embed/keys/" + first.get("kid").asText() + "/retire", null);

        assertThat(retired.status()).as("%s", retired).isEqualTo(200);
        assertThat(retired.json().get("active").asBoolean()).isFalse();
        assertThat(retired.json().get("retired_at").asText()).isNotBlank();
        assertError(info(oldMinted), 401, "TOKEN_INVALID");
        assertError(info(oldSigned), 401, "TOKEN_INVALID");
        assertThat(info(newMinted).status()).isEqualTo(200);
        assertThat(info(hs256(header(second.get("kid").asText()), embedClaims(owner.companySlug(), dashboardId),
                Jws.secret(second.get("secret").asText()))).status()).isEqualTo(200);
        assertThat(Jws.headerOf(owner.embedToken(dashboardId, "{}")).get("kid")).isEqualTo(second.get("kid").asText());
        assertError(owner.post("/api/v1/embed/keys/no-such-kid/retire", null), 404, "NOT_FOUND");
    }

    @Test
    void embed_answers_may_be_framed_by_no_one_until_the_company_sets_its_origins() {
        Owner owner = Owner.newCompany("frames");
        String token = owner.embedToken(owner.salesOverviewId(), "{}");

        assertThat(info(token).header("Content-Security-Policy")).hasValue("frame-ancestors 'none'");

        Reply set = owner.send("PUT", "/api/v1/company/embed-origins",
                "{\"embed_origins\": [\"https://app.example.com\", \"https://admin.example.com:8443\"]}");

        assertThat(set.status()).as("%s", set).isEqualTo(200);
        assertThat(set.json().get("embed_origins")).extracting(JsonNode::asText)
                .containsExactly("https://app.example.com", "https://admin.example.com:8443");
        Reply framed = info(token);
        assertThat(framed.header("Content-Security-Policy"))
                .hasValue("frame-ancestors https://app.example.com https://admin.example.com:8443");
        assertThat(framed.header("X-Frame-Options")).isEmpty();
        assertThat(EmbedFlowTest.execute(token, "{}").header("Content-Security-Policy"))
                .hasValue("frame-ancestors https://app.example.com https://admin.example.com:8443");
        // Not for a token that does not verify, nor for other companies, nor off the embed routes.
        assertThat(info(token + "x").header("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
        Owner acme = Owner.acme();
        assertThat(info(acme.embedToken(acme.salesOverviewId(), "{}")).header("Content-Security-Policy"))
                .isNotEqualTo(framed.header("Content-Security-Policy"));
        Reply publicLink = owner.api().get("/api/v1/public/shares/"
                + owner.publicLink(owner.salesOverviewId(), "[]") + "/resolve");
        assertThat(publicLink.header("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
        assertThat(publicLink.header("X-Frame-Options")).hasValue("DENY");

        assertThat(owner.send("PUT", "/api/v1/company/embed-origins", "{\"embed_origins\": []}").status())
                .isEqualTo(200);
        assertThat(info(token).header("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
    }

    @Test
    void invalid_embed_origins_are_400_INVALID_REQUEST() {
        Owner owner = Owner.newCompany("badorigins");
        for (String origin : List.of("*", "null", "https://app.example.com/path", "javascript:alert(1)",
                "app.example.com", "https://*.example.com", "https://app.example.com; script-src *",
                "https://app.example.com 'unsafe-inline'")) {
            assertError(owner.send("PUT", "/api/v1/company/embed-origins",
                    "{\"embed_origins\": [\"" + origin.replace("\\", "\\\\") + "\"]}"), 400, "INVALID_REQUEST");
        }
        assertThat(owner.get("/api/v1/company").json().get("embed_origins")).isEmpty();
    }

    @Test
    void cors_grants_only_an_exactly_configured_origin_on_embed_routes() {
        Owner owner = Owner.newCompany("cors");
        String token = owner.embedToken(owner.salesOverviewId(), "{}");
        owner.setEmbedOrigins(List.of("https://app.example.com"));
        ApiClient api = owner.api();
        String path = "/api/embed/d/" + token + "/info";

        Reply allowed = api.get(path, "Origin", "https://app.example.com");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(allowed.headers().allValues("Vary")).anyMatch(v -> v.contains("Origin"));
        Reply executed = api.post("/api/embed/d/" + token + "/execute", "{}", "Origin", "https://app.example.com");
        assertThat(executed.header("Access-Control-Allow-Origin")).hasValue("https://app.example.com");

        for (String origin : List.of("https://app.example.com.evil.example", "https://evil.example", "null",
                "http://app.example.com", "https://app.example.com:8443", "https://APP.EXAMPLE.COM",
                "https://evilapp.example.com", "https://app.example.co", "*")) {
            Reply refused = api.get(path, "Origin", origin);
            assertThat(refused.status()).as(origin).isEqualTo(200);
            assertThat(refused.header("Access-Control-Allow-Origin")).as(origin).isEmpty();
            assertThat(refused.header("Access-Control-Allow-Credentials")).as(origin).isEmpty();
        }

        Reply preflight = api.send("OPTIONS", "/api/embed/d/" + token + "/execute", null,
                "Origin", "https://app.example.com", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type");
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(preflight.header("Access-Control-Allow-Methods")).hasValueSatisfying(m -> assertThat(m).contains("POST"));
        Reply evilPreflight = api.send("OPTIONS", "/api/embed/d/" + token + "/execute", null,
                "Origin", "https://evil.example", "Access-Control-Request-Method", "POST");
        assertThat(evilPreflight.header("Access-Control-Allow-Origin")).isEmpty();

        // No CORS anywhere but the embed API, not even for the configured origin.
        for (Reply other : List.of(api.get("/api/v1/public/shares/" + owner.publicLink(owner.salesOverviewId(), "[]")
                        + "/resolve", "Origin", "https://app.example.com"),
                api.get("/api/v1/dashboards", "Origin", "https://app.example.com", "Authorization",
                        ApiClient.bearer(owner.accessToken())),
                api.send("OPTIONS", "/api/v1/dashboards", null, "Origin", "https://app.example.com",
                        "Access-Control-Request-Method", "GET"))) {
            assertThat(other.header("Access-Control-Allow-Origin")).as("%s", other).isEmpty();
        }
        // A token that does not verify gets no grant either.
        assertThat(api.get("/api/embed/d/" + token + "x/info", "Origin", "https://app.example.com")
                .header("Access-Control-Allow-Origin")).isEmpty();
    }
}
