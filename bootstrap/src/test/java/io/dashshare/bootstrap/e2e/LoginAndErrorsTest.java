package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.ApiAssertions.assertError;
import static io.dashshare.bootstrap.e2e.ApiAssertions.withoutRequestId;
import static io.dashshare.bootstrap.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.TestService;
import io.dashshare.bootstrap.testing.Owner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 2 over HTTP: owner login answers a wrong password and an unknown user alike, and every
 * error of docs/errors.md this foundation can produce comes back in the error model, as JSON,
 * never as an HTML page or a stack trace. (503 with the database down: {@link LimitsAndOutagesTest} and {@code ops.DatabaseOutageTest}.)
 */
class LoginAndErrorsTest {

    private static ApiClient api;
    private static Owner owner;

    @BeforeAll
    static void start() {
        api = TestService.shared().api();
        owner = Owner.acme();
    }

    @Test
    void login_with_the_right_password_answers_an_access_token() {
        Reply reply = api.post("/api/v1/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(TestService.ADMIN_EMAIL, TestService.ADMIN_PASSWORD));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("access_token").asText()).isNotBlank();
        assertThat(reply.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(reply.json().get("expires_in").asLong()).isPositive();
        assertThat(reply.header("Cache-Control")).hasValue("no-store");
    }

    @Test
    void login_with_a_wrong_password_and_with_an_unknown_user_answer_alike() {
        Reply wrongPassword = api.post("/api/v1/auth/login", """
                {"email": "%s", "password": "not-the-password"}""".formatted(TestService.ADMIN_EMAIL));
        Reply unknownUser = api.post("/api/v1/auth/login", """
                {"email": "nobody@acme.test", "password": "not-the-password"}""");
        Reply wrongCase = api.post("/api/v1/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(TestService.ADMIN_EMAIL,
                TestService.ADMIN_PASSWORD.toUpperCase()));

        assertError(wrongPassword, 401, "UNAUTHENTICATED");
        assertError(unknownUser, 401, "UNAUTHENTICATED");
        assertError(wrongCase, 401, "UNAUTHENTICATED");
        assertThat(withoutRequestId(unknownUser)).isEqualTo(withoutRequestId(wrongPassword));
        assertThat(withoutRequestId(wrongCase)).isEqualTo(withoutRequestId(wrongPassword));
        assertThat(unknownUser.body()).doesNotContain("nobody");
    }

    @Test
    void an_unknown_user_costs_the_same_slow_hash_as_a_wrong_password() {
        List<Long> wrong = new java.util.ArrayList<>();
        List<Long> unknown = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            wrong.add(loginMillis(TestService.ADMIN_EMAIL));
            unknown.add(loginMillis("nobody-" + i + "@acme.test"));
        }
        long wrongMedian = median(wrong);
        long unknownMedian = median(unknown);

        assertThat(unknownMedian).as("unknown %s vs wrong %s", unknown, wrong).isGreaterThanOrEqualTo(wrongMedian / 2);
        assertThat(wrongMedian).as("wrong %s vs unknown %s", wrong, unknown).isGreaterThanOrEqualTo(unknownMedian / 2);
    }

    @Test
    void owner_routes_without_a_token_are_401_UNAUTHENTICATED_and_with_a_bad_one_401_TOKEN_INVALID() {
        assertError(api.get("/api/v1/dashboards"), 401, "UNAUTHENTICATED");
        assertError(api.get("/api/v1/dashboards", "Authorization", bearer("not.a.jwt")), 401, "TOKEN_INVALID");
        assertError(api.get("/api/v1/dashboards", "Authorization", bearer(owner.accessToken() + "x")), 401,
                "TOKEN_INVALID");
        // docs/security.md#tokens-3: tokens in a query string are ignored.
        assertError(api.get("/api/v1/dashboards?access_token=" + owner.accessToken()), 401, "UNAUTHENTICATED");
    }

    private static long loginMillis(String email) {
        long started = System.nanoTime();
        Reply reply = api.post("/api/v1/auth/login", "{\"email\": \"" + email + "\", \"password\": \"guess-" + email + "\"}");
        assertThat(reply.status()).isEqualTo(401);
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new java.util.ArrayList<>(values);
        java.util.Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void malformed_json_and_mistyped_fields_are_400_INVALID_REQUEST() {
        for (String body : List.of("{", "{\"slug\": }", "[]", "\"text\"", "{\"slug\": \"a\", \"slug\": \"b\"}",
                "not json at all")) {
            assertError(owner.post("/api/v1/dashboards", body), 400, "INVALID_REQUEST");
        }
        assertError(owner.post("/api/v1/auth/login", "{\"email\": 1, \"password\": []}"), 400, "INVALID_REQUEST");
        assertError(api.post("/api/v1/auth/login", "{\"email\": \"a@b.test\"}"), 400, "INVALID_REQUEST");
        assertError(owner.post("/api/v1/share-contexts", "{\"name\": {\"select\": 1}}"), 400, "INVALID_REQUEST");
        assertError(owner.post("/api/v1/share-contexts", "{\"name\": \"n\", \"surprise\": true}"), 400,
                "INVALID_REQUEST");
        assertError(owner.post("/api/v1/dashboards/" + owner.salesOverviewId() + "/execute",
                "{\"parameters\": [\"period_start\"]}"), 400, "INVALID_REQUEST");
    }

    @Test
    void invalid_dashboard_definitions_are_400_INVALID_REQUEST_naming_the_field() {
        String valid = """
                {"slug": "invalid-def", "name": "n", "data_source": "demo",
                 "filters": [{"slug": "since", "label": "Since", "kind": "date"}],
                 "widgets": [{"slug": "w", "title": "t", "visualization": "number",
                              "sql": "select count(*) from demo.orders where order_date >= :since"}]}""";
        List<String> invalid = List.of(
                valid.replace("\"kind\": \"date\"", "\"kind\": \"colour\""),
                valid.replace(">= :since", ">= :until"),
                valid.replace("\"filters\": [{\"slug\": \"since\", \"label\": \"Since\", \"kind\": \"date\"}]",
                        "\"filters\": [{\"slug\": \"since\", \"label\": \"A\", \"kind\": \"date\"},"
                                + " {\"slug\": \"since\", \"label\": \"B\", \"kind\": \"date\"}]"),
                valid.replace("\"data_source\": \"demo\"", "\"data_source\": \"elsewhere\""),
                valid.replace("\"visualization\": \"number\"", "\"visualization\": \"hologram\""));
        for (String document : invalid) {
            Reply reply = owner.post("/api/v1/dashboards", document);
            assertError(reply, 400, "INVALID_REQUEST");
            assertThat(reply.json().at("/details/field").asText()).as("%s", reply).isNotBlank();
        }
        assertThat(owner.post("/api/v1/dashboards", valid.replace("invalid-def", "valid-def-"
                + System.nanoTime())).status()).isEqualTo(201);
    }

    @Test
    void an_unknown_route_is_404_NOT_FOUND_with_or_without_a_token() {
        assertError(api.get("/nope"), 404, "NOT_FOUND");
        assertError(api.get("/api/v1/nope"), 404, "NOT_FOUND");
        assertError(owner.get("/api/v1/nope"), 404, "NOT_FOUND");
        assertError(api.post("/api/v2/dashboards", "{}"), 404, "NOT_FOUND");
        assertError(owner.get("/api/v1/dashboards/not-a-uuid"), 404, "NOT_FOUND");
        assertError(owner.get("/api/v1/dashboards/00000000-0000-4000-8000-000000000000"), 404, "NOT_FOUND");
    }

    @Test
    void a_wrong_method_is_405_METHOD_NOT_ALLOWED_with_the_allowed_ones() {
        Reply reply = api.send("DELETE", "/api/v1/auth/login", null);

        assertError(reply, 405, "METHOD_NOT_ALLOWED");
        assertThat(reply.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
        assertError(owner.send("PATCH", "/api/v1/dashboards", "{}"), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void a_body_that_is_not_json_is_refused_in_the_error_model() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(TestService.shared().baseUrl() + "/api/v1/auth/login"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("email=a&password=b")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertError(new Reply(response.statusCode(), response.body(), response.headers()), 415, "INVALID_REQUEST");
    }

    @Test
    void a_body_over_one_megabyte_is_413_PAYLOAD_TOO_LARGE() {
        String big = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";

        assertError(owner.post("/api/v1/share-contexts", big), 413, "PAYLOAD_TOO_LARGE");
        assertError(api.post("/api/v1/public/shares/abc/execute", big), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void a_streamed_body_over_one_megabyte_without_a_length_is_413_PAYLOAD_TOO_LARGE() throws IOException,
            InterruptedException {
        byte[] big = ("{\"name\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(TestService.shared().baseUrl() + "/api/v1/share-contexts"))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer(owner.accessToken()))
                // An input stream publisher has no length: the body goes out chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertError(new Reply(response.statusCode(), response.body(), response.headers()), 413, "PAYLOAD_TOO_LARGE");
    }
}
