package io.dashshare.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/embed/tokens/inspect}: each refusal of docs/embedding.md's table gets its
 * reason code, claims only once the signature holds with this company's key, a foreign token only
 * {@code unknown_kid}; the viewer routes keep answering the plain {@code TOKEN_INVALID}.
 */
class EmbedTokenInspectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Owner owner;
    private static Owner other;
    private static String dashboardId;
    private static String kid;
    private static byte[] key;
    private static String otherKid;
    private static byte[] otherKey;

    @BeforeAll
    static void twoCompaniesWithKeys() {
        owner = Owner.newCompany("inspect");
        dashboardId = owner.salesOverviewId();
        JsonNode created = owner.createEmbedKey();
        kid = created.get("kid").asText();
        key = Jws.secret(created.get("secret").asText());
        other = Owner.newCompany("inspect-other");
        JsonNode foreign = other.createEmbedKey();
        otherKid = foreign.get("kid").asText();
        otherKey = Jws.secret(foreign.get("secret").asText());
    }

    private static Map<String, Object> claims() {
        return Jws.embedClaims(owner.companySlug(), dashboardId, "region");
    }

    private static JsonNode inspect(String token) {
        Reply reply = owner.post("/api/v1/embed/tokens/inspect", "{\"token\": \"" + token + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static void refused(String token, String reason, boolean claimsShown) {
        JsonNode answer = inspect(token);
        assertThat(answer.get("valid").asBoolean()).isFalse();
        assertThat(answer.get("reason").asText()).isEqualTo(reason);
        assertThat(answer.get("claims").isNull()).as("claims shown?").isEqualTo(!claimsShown);
        assertThat(owner.api().get("/api/embed/d/" + token + "/info").errorCode()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void a_valid_token_is_valid_with_its_header_and_claims() {
        JsonNode answer = inspect(Jws.hs256(Jws.header(kid), claims(), key));
        assertThat(answer.get("valid").asBoolean()).isTrue();
        assertThat(answer.get("reason").isNull()).isTrue();
        assertThat(answer.get("header").get("kid").asText()).isEqualTo(kid);
        assertThat(answer.get("claims").get("sub").asText()).isEqualTo(dashboardId);
    }

    @Test
    void missing_typ_is_typ_missing() {
        Map<String, Object> header = new LinkedHashMap<>(Jws.header(kid));
        header.remove("typ");
        refused(Jws.hs256(header, claims(), key), "typ_missing", false);
    }

    @Test
    void another_alg_is_alg_not_hs256() {
        refused(Jws.hmac("HmacSHA384", Jws.with(Jws.header(kid), "alg", "HS384"), claims(), key), "alg_not_hs256", false);
    }

    @Test
    void an_unknown_kid_is_unknown_kid() {
        refused(Jws.hs256(Jws.header("NoSuchKeyNoSuch1"), claims(), key), "unknown_kid", false);
    }

    @Test
    void another_key_is_bad_signature() {
        byte[] wrong = key.clone();
        wrong[0] ^= 1;
        refused(Jws.hs256(Jws.header(kid), claims(), wrong), "bad_signature", false);
    }

    @Test
    void expired_and_not_yet_valid() {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> expired = Jws.with(Jws.with(claims(), "iat", now - 7200), "exp", now - 3600);
        refused(Jws.hs256(Jws.header(kid), expired, key), "expired", true);
        refused(Jws.hs256(Jws.header(kid), Jws.with(claims(), "nbf", now + 3600), key), "not_yet_valid", true);
    }

    @Test
    void wrong_aud_iss_and_missing_jti() {
        refused(Jws.hs256(Jws.header(kid), Jws.with(claims(), "aud", "portal"), key), "aud_wrong", true);
        refused(Jws.hs256(Jws.header(kid), Jws.with(claims(), "iss", "someone-else"), key), "iss_wrong", true);
        Map<String, Object> noJti = new LinkedHashMap<>(claims());
        noJti.remove("jti");
        refused(Jws.hs256(Jws.header(kid), noJti, key), "jti_missing", true);
    }

    @Test
    void a_fixed_param_that_fits_no_filter_is_fixed_params_invalid() {
        Map<String, Object> bad = Jws.with(claims(), "fixed_params", Map.of("no_such_filter", "x"));
        JsonNode answer = inspect(Jws.hs256(Jws.header(kid), bad, key));
        assertThat(answer.get("valid").asBoolean()).isFalse();
        assertThat(answer.get("reason").asText()).isEqualTo("fixed_params_invalid");
        assertThat(answer.get("claims").isObject()).isTrue();
    }

    @Test
    void another_companys_token_says_only_unknown_kid() {
        Map<String, Object> foreign = Jws.embedClaims(other.companySlug(), other.salesOverviewId());
        String token = Jws.hs256(Jws.header(otherKid), foreign, otherKey);
        JsonNode answer = inspect(token);
        assertThat(answer.get("valid").asBoolean()).isFalse();
        assertThat(answer.get("reason").asText()).isEqualTo("unknown_kid");
        assertThat(answer.get("claims").isNull()).isTrue();
        assertThat(other.api().get("/api/embed/d/" + token + "/info").status()).isEqualTo(200);
    }

    @Test
    void a_viewer_may_not_inspect() throws Exception {
        assertThat(JSON).isNotNull();
        Owner viewer = owner.invite("inspect-viewer@" + owner.companySlug() + ".test", "viewer");
        Reply reply = viewer.post("/api/v1/embed/tokens/inspect", "{\"token\": \"x.y.z\"}");
        assertThat(reply.status()).isEqualTo(403);
    }
}
