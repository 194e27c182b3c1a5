package io.dashshare.adapter.http;

import io.dashshare.domain.audit.AuditClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.dashshare.adapter.http.support.HttpTest;
import io.dashshare.adapter.http.support.Reply;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.RateLimitedException;
import io.dashshare.domain.error.SharingException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/errors.md for every failure, framework-made ones included: never HTML, a stack trace or SQL. */
@MicronautTest
class ErrorModelTest extends HttpTest {

    private static final String EXECUTE = "/api/v1/public/shares/some-token/execute";

    private static void assertErrorBody(Reply reply, int status, String code) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        Map<String, Object> body = reply.json();
        assertThat(body.get("error_code")).isEqualTo(code);
        assertThat(body.get("message")).isInstanceOf(String.class);
        assertThat(body.get("request_id")).isEqualTo(reply.header("X-Request-Id"));
        assertThat(body.keySet()).isSubsetOf("error_code", "message", "request_id", "details", "company_slug");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("<html").doesNotContain("at io.");
    }

    @Test
    void malformed_json_is_INVALID_REQUEST_without_echoing_the_input() {
        Reply reply = api.post(EXECUTE, "{\"parameters\": {\"status\": [\"Active\"");
        assertErrorBody(reply, 400, "INVALID_REQUEST");
        assertThat(reply.body()).doesNotContain("Active");
        verifyNoInteractions(publicShares);
    }

    @Test
    void duplicate_keys_are_refused_rather_than_last_one_wins() {
        Reply reply = api.post(EXECUTE, "{\"parameters\": {\"status\": \"Active\", \"status\": \"Closed\"}}");
        assertErrorBody(reply, 400, "INVALID_REQUEST");
    }

    @Test
    void trailing_content_after_the_json_value_is_refused() {
        assertErrorBody(api.post(EXECUTE, "{\"parameters\": {}} {}"), 400, "INVALID_REQUEST");
    }

    @Test
    void an_unknown_top_level_field_is_refused_naming_it() {
        Reply reply = api.post(EXECUTE, "{\"parameter\": {\"status\": \"Active\"}}");
        assertErrorBody(reply, 400, "INVALID_REQUEST");
        assertThat(reply.json().get("details")).isEqualTo(Map.of("field", "parameter"));
        verifyNoInteractions(publicShares);
    }

    @Test
    void parameters_that_are_not_an_object_are_refused() {
        for (String body : new String[] {"{\"parameters\": [\"Active\"]}", "{\"parameters\": \"status=Active\"}",
                "{\"parameters\": null}", "[]", "\"text\"", "42"}) {
            Reply reply = api.post(EXECUTE, body);
            assertErrorBody(reply, 400, "INVALID_REQUEST");
        }
        verifyNoInteractions(publicShares);
    }

    @Test
    void a_field_of_the_wrong_type_is_refused_naming_it() {
        Reply reply = api.post("/api/v1/share-auth/request", "{\"company_slug\": \"acme\", \"email\": {\"$ne\": 1}}");
        assertErrorBody(reply, 400, "INVALID_REQUEST");
        assertThat(reply.json().get("details")).isEqualTo(Map.of("field", "email"));
        verifyNoInteractions(requestCodes);
    }

    @Test
    void a_missing_body_is_INVALID_REQUEST() {
        assertErrorBody(api.post(EXECUTE, null), 400, "INVALID_REQUEST");
        assertErrorBody(api.post(EXECUTE, ""), 400, "INVALID_REQUEST");
    }

    @Test
    void an_unknown_route_is_NOT_FOUND_in_json() {
        assertErrorBody(api.get("/api/v1/nothing-here"), 404, "NOT_FOUND");
        assertErrorBody(api.get("/"), 404, "NOT_FOUND");
    }

    @Test
    void a_malformed_id_is_NOT_FOUND() {
        assertErrorBody(api.get("/api/v1/shares/not-a-uuid", owner()), 404, "NOT_FOUND");
    }

    @Test
    void a_wrong_method_is_METHOD_NOT_ALLOWED_with_an_Allow_header() {
        Reply reply = api.send("PATCH", "/api/v1/public/shares/some-token/resolve", null);
        assertErrorBody(reply, 405, "METHOD_NOT_ALLOWED");
        assertThat(reply.header("Allow")).contains("GET");
    }

    @Test
    void a_two_megabyte_body_is_PAYLOAD_TOO_LARGE() {
        byte[] body = ("{\"parameters\":{\"q\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}}").getBytes(StandardCharsets.UTF_8);
        Reply reply = api.sendBytes("POST", EXECUTE, body, "Content-Type", "application/json");
        assertErrorBody(reply, 413, "PAYLOAD_TOO_LARGE");
        verifyNoInteractions(publicShares);
    }

    @Test
    void an_unsupported_media_type_is_415_in_the_error_format() {
        Reply reply = api.post(EXECUTE, "parameters=1", "Content-Type", "application/x-www-form-urlencoded");
        assertErrorBody(reply, 415, "INVALID_REQUEST");
    }

    @Test
    void an_unexpected_exception_is_INTERNAL_ERROR_with_nothing_internal() {
        when(publicShares.resolve(anyString(), any())).thenThrow(
                new IllegalStateException("SELECT * FROM shares WHERE token_hash = 'x' -- pool exhausted"));
        Reply reply = api.get("/api/v1/public/shares/some-token/resolve");
        assertErrorBody(reply, 500, "INTERNAL_ERROR");
        assertThat(reply.body()).doesNotContain("SELECT").doesNotContain("IllegalState").doesNotContain("pool");
    }

    @Test
    void SERVICE_UNAVAILABLE_from_a_use_case_is_503() {
        when(publicShares.resolve(anyString(), any())).thenThrow(
                new SharingException(ErrorCode.SERVICE_UNAVAILABLE, "The database is unreachable; try again shortly."));
        assertErrorBody(api.get("/api/v1/public/shares/some-token/resolve"), 503, "SERVICE_UNAVAILABLE");
    }

    @Test
    void RATE_LIMITED_is_429_with_Retry_After_in_seconds() {
        doThrow(new RateLimitedException(Duration.ofMillis(90_500))).when(requestCodes)
                .requestCode(any(), any(), any(AuditClient.class));
        Reply reply = api.post("/api/v1/share-auth/request", "{\"company_slug\":\"acme\",\"email\":\"a@b.example\"}");
        assertErrorBody(reply, 429, "RATE_LIMITED");
        assertThat(reply.header("Retry-After")).isEqualTo("91");
    }

    @Test
    void a_business_failure_keeps_its_code_status_and_details() {
        when(publicShares.execute(anyString(), any(), any())).thenThrow(new SharingException(
                ErrorCode.FILTER_DISABLED_BY_POLICY, "Filter 'region' is disabled by this share.",
                Map.of("filter_slug", "region")));
        Reply reply = api.post(EXECUTE, "{\"parameters\": {\"region\": \"north\"}}");
        assertErrorBody(reply, 403, "FILTER_DISABLED_BY_POLICY");
        assertThat(reply.json().get("details")).isEqualTo(Map.of("filter_slug", "region"));
    }

    @Test
    void an_unknown_public_token_is_TOKEN_INVALID_with_referrer_and_no_store_headers() {
        when(publicShares.resolve(anyString(), any())).thenThrow(SharingException.tokenInvalid());
        Reply reply = api.get("/api/v1/public/shares/random-token/resolve");
        assertErrorBody(reply, 401, "TOKEN_INVALID");
        assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    }
}
