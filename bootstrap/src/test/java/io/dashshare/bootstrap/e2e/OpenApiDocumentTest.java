package io.dashshare.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.TestService;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The document of docs/api.md ("The API describes itself") is served, renders at {@code /docs}
 * under the pages' CSP, and names every route the running service answers (RoutesDocumented).
 */
class OpenApiDocumentTest {

    /**
     * Framework routes documented otherwise: the health endpoint's selector route is documented as
     * its two selectors (/health/liveness, /health/readiness); micronaut-security's token
     * introspection route is not part of this API.
     */
    private static final Set<String> FRAMEWORK_ROUTES = Set.of("GET /health/{}", "GET /token_info", "POST /token_info");

    private final TestService service = TestService.shared();
    private final ApiClient api = service.api();

    @Test
    void the_document_is_served_as_yaml_and_json() {
        ApiClient.Reply yaml = api.get("/openapi.yml");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.body()).startsWith("openapi: 3");
        ApiClient.Reply json = api.get("/openapi.json");
        assertThat(json.status()).isEqualTo(200);
        JsonNode document = json.json();
        assertThat(document.path("components").path("securitySchemes").fieldNames())
                .toIterable().contains("owner", "shareAccess", "operator");
        assertThat(document.path("components").path("schemas").has("Error")).isTrue();
    }

    @Test
    void docs_page_loads_swagger_ui_from_this_origin_without_inline_script() {
        ApiClient.Reply page = api.get("/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(page.body()).contains("/assets/vendor/swagger-ui/swagger-ui-bundle.js", "/assets/viewer/js/api-docs.js")
                .doesNotContainPattern("<script>|<script type=\"module\">");
        assertThat(api.get("/assets/vendor/swagger-ui/swagger-ui-bundle.js").status()).isEqualTo(200);
        assertThat(api.get("/assets/viewer/js/api-docs.js").status()).isEqualTo(200);
    }

    /** RoutesDocumented: a controller route missing from the document fails here. */
    @Test
    void every_route_of_the_service_is_in_the_document() {
        JsonNode paths = api.get("/openapi.json").json().path("paths");
        Set<String> documented = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                documented.add(method.toUpperCase() + " " + normalise(path.getKey()))));
        Set<String> missing = new TreeSet<>();
        for (UriRouteInfo<?, ?> route : service.running().context().getBean(Router.class).uriRoutes().toList()) {
            HttpMethod method = route.getHttpMethod();
            if (method == HttpMethod.OPTIONS || method == HttpMethod.HEAD) {
                continue;
            }
            String key = method + " " + normalise(route.getUriMatchTemplate().toPathString());
            if (!documented.contains(key) && !FRAMEWORK_ROUTES.contains(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).as("routes the OpenAPI document does not describe").isEmpty();
    }

    /**
     * Generated clients name their methods by operation id: each is set on its method, unique and never
     * one the processor numbered ({@code create_2}); each error answer is the Error body (but the health
     * endpoints', whose 503 is their own {@code {"status": "DOWN"}}).
     */
    @Test
    void every_operation_has_a_stable_id_and_answers_errors_with_the_error_body() {
        JsonNode paths = api.get("/openapi.json").json().path("paths");
        Set<String> ids = new TreeSet<>();
        Set<String> problems = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            String id = operation.getValue().path("operationId").asText("");
            if (id.isEmpty() || id.matches(".*_\\d+$") || !ids.add(id)) {
                problems.add(name + ": operationId '" + id + "'");
            }
            operation.getValue().path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().matches("[45]\\d\\d") && !path.getKey().startsWith("/health") && !response.getValue().path("content").path("application/json")
                        .path("schema").path("$ref").asText().equals("#/components/schemas/Error")) {
                    problems.add(name + ": " + response.getKey() + " is not the Error body");
                }
            });
        }));
        assertThat(problems).isEmpty();
        assertThat(ids).contains("listDashboards", "createShare", "executePublicShare", "preflightEmbedExecute");
    }

    /** Parameter names do not matter: {@code /shares/{id}} and {@code /shares/{shareId}} are one route. */
    private static String normalise(String template) {
        return template.replaceAll("\\{[^}]*}", "{}").replaceAll("/$", "");
    }
}
