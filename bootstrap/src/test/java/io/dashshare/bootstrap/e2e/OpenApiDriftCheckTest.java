package io.dashshare.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.bootstrap.testing.OpenApiDrift;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The drift check itself (docs/api.md, "The API describes itself") can fail: exchanges the
 * generated document does not describe are problems, described ones are not. Without the service:
 * the exchanges are made up, the document is the one the build generated.
 */
class OpenApiDriftCheckTest {

    private static final String ERROR = "{\"error_code\":\"NOT_FOUND\",\"message\":\"Dashboard not found\",\"request_id\":\"r1\"}";
    private static final List<String> OWNER = List.of("Authorization", "Bearer x");
    private static final String DASHBOARD = "/api/v1/dashboards/3f1c1a52-8339-4428-ab9a-61f510a09884";

    private static HttpHeaders json() {
        return HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (name, value) -> true);
    }

    @Test
    void a_documented_error_answer_is_no_problem() {
        assertThat(OpenApiDrift.problems("GET", DASHBOARD, null, OWNER, 404, ERROR, json())).isEmpty();
    }

    @Test
    void a_status_the_operation_does_not_list_is_a_problem() {
        // GET /api/v1/dashboards/{id} is allowed to every role: a 403 is not one of its answers.
        assertThat(OpenApiDrift.problems("GET", DASHBOARD, null, OWNER, 403, ERROR, json()))
                .anyMatch(p -> p.startsWith("validation.response.status.unknown"));
    }

    @Test
    void an_error_body_that_is_not_the_error_schema_is_a_problem() {
        assertThat(OpenApiDrift.problems("GET", DASHBOARD, null, OWNER, 404, "{\"error\":\"not found\"}", json()))
                .anyMatch(p -> p.startsWith("validation.response.body.schema"));
    }

    @Test
    void an_accepted_request_missing_a_required_member_is_a_problem() {
        String share = "{\"id\":\"3f1c1a52-8339-4428-ab9a-61f510a09884\"}";
        assertThat(OpenApiDrift.problems("POST", "/api/v1/auth/login", "{\"email\":\"a@b.example\"}", List.of(),
                200, share, json())).anyMatch(p -> p.startsWith("validation.request.body.schema.required"));
    }

    @Test
    void an_accepted_request_to_an_undocumented_route_is_a_problem() {
        assertThat(OpenApiDrift.problems("GET", "/api/v1/not-a-route", null, OWNER, 200, "{}", json()))
                .anyMatch(p -> p.startsWith("validation.request.path.missing"));
    }

    @Test
    void a_cors_preflight_of_the_embed_api_is_described() {
        HttpHeaders none = HttpHeaders.of(Map.of(), (name, value) -> true);
        assertThat(OpenApiDrift.problems("OPTIONS", "/api/embed/d/abc.def.ghi/execute", null,
                List.of("Origin", "https://app.example", "Access-Control-Request-Method", "POST"), 204, "", none)).isEmpty();
    }
}
