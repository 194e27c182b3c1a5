package io.dashshare.adapter.http;

import static org.mockito.ArgumentMatchers.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.dashshare.adapter.http.support.Fixtures;
import io.dashshare.adapter.http.support.HttpTest;
import io.dashshare.adapter.http.support.Reply;
import io.dashshare.application.port.in.SignedInOwner;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Owner routes: no token, someone else's token and a bad token are told apart; nothing else authenticates. */
@MicronautTest
class OwnerAuthTest extends HttpTest {

    private static final String SECRET = "adapter-http-tests-only-0123456789abcdef0123456789abcdef";

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** An HS256 JWS over arbitrary header and claims, signed with {@code key}. */
    static String sign(String header, String claims, String key) throws Exception {
        String input = b64(header) + "." + b64(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
    }

    private static String ownerClaims(long exp, String aud) {
        return "{\"iss\":\"dashshare\",\"aud\":\"" + aud + "\",\"sub\":\"" + Fixtures.OWNER_ID
                + "\",\"company\":\"" + Fixtures.COMPANY_ID + "\",\"gen\":0,\"jti\":\"j1\",\"roles\":[\"OWNER\"],\"iat\":"
                + Instant.now().getEpochSecond() + ",\"exp\":" + exp + "}";
    }

    private Reply dashboardsWith(String authorization) {
        return api.get("/api/v1/dashboards", "Authorization", authorization);
    }

    @Test
    void no_token_is_UNAUTHENTICATED() {
        Reply reply = api.get("/api/v1/dashboards");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("UNAUTHENTICATED");
        verifyNoInteractions(dashboards);
    }

    @Test
    void a_token_in_the_query_string_is_ignored() {
        String token = ownerTokens.issue(new SignedInOwner(Fixtures.OWNER, 0)).token();
        Reply reply = api.get("/api/v1/dashboards?access_token=" + token);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("UNAUTHENTICATED");
        verifyNoInteractions(dashboards);
    }

    @Test
    void a_token_in_a_cookie_is_ignored() {
        String token = ownerTokens.issue(new SignedInOwner(Fixtures.OWNER, 0)).token();
        Reply reply = api.get("/api/v1/dashboards", "Cookie", "JWT=" + token);
        assertThat(reply.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void garbage_is_TOKEN_INVALID() {
        for (String garbage : new String[] {"Bearer abc", "Bearer a.b.c", "Bearer ", "Basic YWRtaW46YWRtaW4=",
                "Bearer " + "x".repeat(5000)}) {
            Reply reply = dashboardsWith(garbage);
            assertThat(reply.status()).as(garbage).isEqualTo(401);
            assertThat(reply.errorCode()).as(garbage).isEqualTo("TOKEN_INVALID");
        }
        verifyNoInteractions(dashboards);
    }

    @Test
    void an_expired_owner_token_is_TOKEN_INVALID() throws Exception {
        String expired = sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", ownerClaims(Instant.now().minusSeconds(600)
                .getEpochSecond(), "owner-api"), SECRET);
        assertThat(dashboardsWith("Bearer " + expired).errorCode()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void a_token_signed_with_another_key_is_TOKEN_INVALID() throws Exception {
        String forged = sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", ownerClaims(Instant.now().plusSeconds(600)
                .getEpochSecond(), "owner-api"), "secret");
        assertThat(dashboardsWith("Bearer " + forged).errorCode()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void an_unsigned_alg_none_token_is_TOKEN_INVALID() {
        String none = b64("{\"alg\":\"none\"}") + "." + b64(ownerClaims(Instant.now().plusSeconds(600)
                .getEpochSecond(), "owner-api")) + ".";
        assertThat(dashboardsWith("Bearer " + none).errorCode()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void a_foreign_token_signed_with_the_same_key_but_another_audience_is_TOKEN_INVALID() throws Exception {
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        String shareAccess = sign("{\"alg\":\"HS256\",\"typ\":\"share-access+jwt\",\"kid\":\"share-access-1\"}",
                ownerClaims(exp, "share-portal"), SECRET);
        String embed = sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", ownerClaims(exp, "embed"), SECRET);
        String noExpiry = sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"iss\":\"dashshare\",\"aud\":\"owner-api\","
                + "\"sub\":\"" + Fixtures.OWNER_ID + "\",\"company\":\"" + Fixtures.COMPANY_ID + "\"}", SECRET);
        for (String token : List.of(shareAccess, embed, noExpiry)) {
            assertThat(dashboardsWith("Bearer " + token).errorCode()).isEqualTo("TOKEN_INVALID");
        }
        verifyNoInteractions(dashboards);
    }

    @Test
    void a_valid_owner_token_reaches_the_use_case_as_the_owner_principal() {
        when(dashboards.list(Fixtures.OWNER)).thenReturn(List.of());
        Reply reply = api.get("/api/v1/dashboards", owner());
        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void wrong_credentials_are_UNAUTHENTICATED_from_the_use_case() {
        when(ownerLogin.login(any())).thenThrow(
                new SharingException(ErrorCode.UNAUTHENTICATED, "Email or password is wrong."));
        Reply reply = api.post("/api/v1/auth/login", "{\"email\":\"admin@acme.test\",\"password\":\"wrong\"}");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void public_share_auth_portal_and_embed_routes_need_no_owner_token() {
        when(publicShares.resolve(eq("t"), any())).thenThrow(SharingException.tokenInvalid());
        Reply reply = api.get("/api/v1/public/shares/t/resolve", "Authorization", "Bearer garbage");
        assertThat(reply.errorCode()).isEqualTo("TOKEN_INVALID");
        assertThat(api.post("/api/v1/share-auth/request", "{\"company_slug\":\"acme\",\"email\":\"a@b.example\"}")
                .status()).isEqualTo(202);
    }
}
