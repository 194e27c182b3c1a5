package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.EdgeAnswers.assertDocumented;
import static io.dashshare.bootstrap.e2e.EmbedFlowTest.info;
import static io.dashshare.bootstrap.e2e.Jws.embedClaims;
import static io.dashshare.bootstrap.e2e.Jws.header;
import static io.dashshare.bootstrap.e2e.Jws.hs256;
import static io.dashshare.bootstrap.e2e.Jws.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashshare.bootstrap.e2e.RawHttp.Answer;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import io.dashshare.bootstrap.testing.TestService;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, each request of it as it was seen from outside, now answered as docs/api.md says
 * (request rules, errors, headers on every response). Raw sockets where {@code java.net.http}
 * would not send the request.
 */
class EdgeRegressionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Owner owner;
    private static RawHttp raw;
    private static String dashboardId;
    private static String kid;
    private static byte[] secret;

    @BeforeAll
    static void company() {
        owner = Owner.newCompany("edge");
        raw = new RawHttp(TestService.shared().baseUrl());
        dashboardId = owner.salesOverviewId();
        JsonNode key = owner.createEmbedKey();
        kid = key.get("kid").asText();
        secret = Jws.secret(key.get("secret").asText());
        owner.setEmbedOrigins(List.of("https://app.edge.example"));
    }

    private static Map<String, String> auth() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + owner.accessToken());
        return headers;
    }

    private static Map<String, String> json(Map<String, String> headers) {
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private static Answer send(String method, String target, Map<String, String> headers, String body) {
        Answer answer = raw.request(method, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        assertDocumented(answer, method, target);
        return answer;
    }

    private static void assertInvalid(Answer answer, int status, String code, String field) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.json().path("error_code").asText()).as("%s", answer).isEqualTo(code);
        if (field != null) {
            assertThat(answer.json().at("/details/field").asText()).as("%s", answer).isEqualTo(field);
        }
    }

    private static String document(java.util.function.Consumer<ObjectNode> change) throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(Owner.demoDashboardDocument());
        document.put("slug", "edge-" + System.nanoTime());
        change.accept(document);
        return JSON.writeValueAsString(document);
    }

    @Test
    void a_NUL_in_dashboard_sql_is_400_naming_the_member_on_POST_PUT_and_filter_options() throws Exception {
        String widget = document(d -> ((ObjectNode) d.withArray("widgets").get(0)).put("sql", "select 1 as \u0000x"));
        assertInvalid(send("POST", "/api/v1/dashboards", json(auth()), widget), 400, "INVALID_REQUEST", "widgets[0].sql");
        assertInvalid(send("PUT", "/api/v1/dashboards/" + dashboardId, json(auth()), widget), 400, "INVALID_REQUEST",
                "widgets[0].sql");
        String option = document(d -> {
            for (JsonNode filter : d.withArray("filters")) {
                if (filter.path("options").has("sql")) {
                    ((ObjectNode) filter.get("options")).put("sql", "select 'a' as value, 'b' as label \u0000");
                }
            }
        });
        Answer answer = send("POST", "/api/v1/dashboards", json(auth()), option);
        assertInvalid(answer, 400, "INVALID_REQUEST", null);
        assertThat(answer.json().at("/details/field").asText()).matches("filters\\[\\d+]\\.options\\.sql");
    }

    @Test
    void only_the_documented_operations_endpoints_exist() {
        for (String path : List.of("/beans", "/routes", "/info", "/threaddump", "/env", "/loggers", "/metrics",
                "/refresh", "/caches", "/stop")) {
            assertInvalid(send("GET", path, auth(), null), 404, "NOT_FOUND", null);
        }
        for (String path : List.of("/health", "/health/liveness", "/health/readiness", "/prometheus")) {
            assertThat(send("GET", path, new LinkedHashMap<>(), null).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void headers_over_8_kB_and_a_64_kB_Authorization_are_431_naming_the_headers() {
        Map<String, String> big = new LinkedHashMap<>(Map.of("X-Big", "a".repeat(9000)));
        for (Map<String, String> headers : List.of(big, Map.of("Authorization", "Bearer " + "a".repeat(65536)))) {
            Answer answer = send("GET", "/api/v1/dashboards", headers, null);
            assertInvalid(answer, 431, "PAYLOAD_TOO_LARGE", null);
            assertThat(answer.json().at("/details/reason").asText()).isEqualTo("headers_too_large");
            assertThat(answer.json().path("message").asText()).doesNotContain("body");
        }
    }

    @Test
    void a_request_line_over_16_kB_is_414() {
        Answer answer = send("GET", "/api/v1/dashboards?a=" + "a".repeat(17000), auth(), null);
        assertInvalid(answer, 414, "PAYLOAD_TOO_LARGE", null);
        assertThat(answer.json().at("/details/reason").asText()).isEqualTo("request_line_too_long");
    }

    @Test
    void header_bytes_0xFF_and_NUL_carry_the_documented_headers() {
        byte[] ff = ("GET /api/v1/dashboards HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-A: a\u00ffb\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Answer obsText = raw.send(ff);
        assertDocumented(obsText, "GET", "/api/v1/dashboards");
        assertInvalid(obsText, 401, "UNAUTHENTICATED", null);
        for (String request : List.of("GET /api/v1/dashboards HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-A: a\u0000b\r\n\r\n",
                "GET /api/v1/dashboards HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX\u0000A: b\r\n\r\n",
                "GET /embed/d/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-A: \u0000\r\n\r\n")) {
            Answer answer = raw.send(request.getBytes(StandardCharsets.ISO_8859_1));
            assertDocumented(answer, "GET", request.split(" ")[1]);
            assertInvalid(answer, 400, "INVALID_REQUEST", null);
            assertThat(answer.json().at("/details/reason").asText()).isEqualTo("malformed_http");
        }
    }

    @Test
    void bad_percent_encoding_is_400_with_no_store_and_one_request_id() {
        for (String target : List.of("/api/v1/dashboards?a=%ZZ", "/api/v1/dashboards?a=%", "/api/v1/%ZZ",
                "/embed/d/%ZZ", "/assets/%ZZ")) {
            Answer answer = send("GET", target, auth(), null);
            assertInvalid(answer, 400, "INVALID_REQUEST", null);
            assertThat(answer.json().at("/details/reason").asText()).isEqualTo("malformed_uri");
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void a_body_over_1_MB_to_embed_execute_is_413_with_its_frame_ancestors() {
        String token = owner.embedToken(dashboardId, "{}");
        String target = "/api/embed/d/" + token + "/execute";
        Map<String, String> headers = json(new LinkedHashMap<>());
        Answer answer = send("POST", target, headers, "{\"parameters\": \"" + "a".repeat(1_100_000) + "\"}");
        assertInvalid(answer, 413, "PAYLOAD_TOO_LARGE", null);
        assertThat(answer.json().at("/details/reason").asText()).isEqualTo("body_too_large");
        assertThat(answer.header("Content-Security-Policy")).isEqualTo("frame-ancestors https://app.edge.example");
        Answer wrongType = send("POST", target, new LinkedHashMap<>(Map.of("Content-Type", "text/plain")), "{}");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.header("Content-Security-Policy")).isEqualTo("frame-ancestors https://app.edge.example");
    }

    @Test
    void static_assets_answer_405_to_every_method_but_GET_and_HEAD() {
        for (String method : List.of("DELETE", "POST", "PUT", "PATCH", "TRACE", "OPTIONS")) {
            Answer answer = send(method, "/assets/viewer/js/api.js", new LinkedHashMap<>(), null);
            assertInvalid(answer, 405, "METHOD_NOT_ALLOWED", null);
            assertThat(answer.header("Allow")).contains("GET", "HEAD");
            assertThat(answer.body()).doesNotContain("function");
        }
        assertThat(send("GET", "/assets/viewer/js/api.js", new LinkedHashMap<>(), null).status()).isEqualTo(200);
        assertThat(send("HEAD", "/assets/viewer/js/api.js", new LinkedHashMap<>(), null).status()).isEqualTo(200);
    }

    @Test
    void the_content_type_is_application_json_with_an_optional_charset_or_415() {
        String body = "{\"embed_origins\": [\"https://app.edge.example\"]}";
        for (String type : List.of(";;;", "text/plain", "application/jsonx", "application/json; foo=bar",
                "application/json;", "application/json; charset=latin1", "", "application")) {
            Map<String, String> headers = auth();
            headers.put("Content-Type", type);
            assertInvalid(send("PUT", "/api/v1/company/embed-origins", headers, body), 415, "INVALID_REQUEST", null);
        }
        for (String type : List.of("application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8")) {
            Map<String, String> headers = auth();
            headers.put("Content-Type", type);
            assertThat(send("PUT", "/api/v1/company/embed-origins", headers, body).status()).as(type).isEqualTo(200);
        }
    }

    @Test
    void explicit_null_is_400_naming_the_member_and_changes_nothing() throws Exception {
        assertInvalid(send("PUT", "/api/v1/company/embed-origins", json(auth()), "{\"embed_origins\": null}"), 400,
                "INVALID_REQUEST", "embed_origins");
        assertThat(owner.embedOrigins()).containsExactly("https://app.edge.example");
        String embed = "/api/v1/embed/dashboards/" + dashboardId;
        for (String member : List.of("required_params", "allowed_params", "fixed_params", "expires_in", "downloads")) {
            assertInvalid(send("POST", embed, json(auth()), "{\"" + member + "\": null}"), 400, "INVALID_REQUEST", member);
        }
        assertInvalid(send("POST", embed + "/revoke-tokens", json(auth()), "{\"issued_before\": null}"), 400,
                "INVALID_REQUEST", "issued_before");
        assertInvalid(send("POST", "/api/v1/dashboards/" + dashboardId + "/shares", json(auth()),
                "{\"name\": \"n\", \"share_filter_policies\": null}"), 400, "INVALID_REQUEST", "share_filter_policies");
        String share = owner.linkShare(dashboardId, "").get("id").asText();
        assertInvalid(send("PATCH", "/api/v1/shares/" + share, json(auth()), "{\"share_filter_policies\": null}"), 400,
                "INVALID_REQUEST", "share_filter_policies");
        assertInvalid(send("POST", "/api/v1/dashboards", json(auth()),
                document(d -> ((ObjectNode) d.withArray("widgets").get(0)).putNull("title"))), 400,
                "INVALID_REQUEST", "widgets[0].title");
        assertInvalid(send("POST", "/api/v1/dashboards", json(auth()),
                document(d -> ((ObjectNode) d.withArray("filters").get(0)).putNull("label"))), 400,
                "INVALID_REQUEST", "filters[0].label");
        // documented: null removes a share's expiry
        assertThat(send("PATCH", "/api/v1/shares/" + share, json(auth()), "{\"expires_at\": null}").status()).isEqualTo(200);
    }

    @Test
    void integer_claims_are_whole_numbers() {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = embedClaims(owner.companySlug(), dashboardId);
        long exp = now + 600;
        assertThat(info(hs256(header(kid), with(claims, "exp", new BigDecimal(exp + ".5")), secret)).status())
                .isEqualTo(401);
        assertThat(info(hs256(header(kid), with(claims, "iat", new BigDecimal(now + ".25")), secret)).status())
                .isEqualTo(401);
        // 3600.0 and 3.6e3 are the same JSON number as 3600 (docs/api.md, whole numbers)
        assertThat(info(hs256(header(kid), with(claims, "exp", new BigDecimal(exp + ".0")), secret)).status())
                .isEqualTo(200);
        // a whole number of thousands 1000 to 2000 s ahead, written with an exponent (1.796302E+9)
        BigDecimal exponent = new BigDecimal(BigInteger.valueOf(now / 1000 + 2), -3);
        assertThat(exponent.toString()).contains("E+");
        assertThat(info(hs256(header(kid), with(claims, "exp", exponent), secret)).status()).isEqualTo(200);
        Answer fraction = send("POST", "/api/v1/embed/dashboards/" + dashboardId, json(auth()), "{\"expires_in\": 3600.5}");
        assertInvalid(fraction, 400, "INVALID_REQUEST", "expires_in");
    }

    @Test
    void embed_origins_with_port_0_or_over_65535_are_refused() {
        for (String origin : List.of("https://a.example:0", "https://a.example:99999", "https://a.example:65536",
                "ftp://a.example", "https://*.example", "https://a.example/path")) {
            assertInvalid(send("PUT", "/api/v1/company/embed-origins", json(auth()),
                    "{\"embed_origins\": [\"" + origin + "\"]}"), 400, "INVALID_REQUEST", "embed_origins[0]");
        }
        assertThat(owner.embedOrigins()).containsExactly("https://app.edge.example");
    }

    @Test
    void accept_text_html_is_the_documented_406() {
        Map<String, String> headers = auth();
        headers.put("Accept", "text/html");
        assertInvalid(send("GET", "/api/v1/dashboards", headers, null), 406, "INVALID_REQUEST", null);
    }

    @Test
    void a_NUL_in_a_context_description_names_description() {
        assertInvalid(send("POST", "/api/v1/share-contexts", json(auth()), "{\"name\": \"c\", \"description\": \"a\\u0000b\"}"),
                400, "INVALID_REQUEST", "description");
        String context = owner.createContext("edge-context-" + System.nanoTime());
        assertInvalid(send("PATCH", "/api/v1/share-contexts/" + context, json(auth()), "{\"description\": \"a\\u0000b\"}"),
                400, "INVALID_REQUEST", "description");
    }

    @Test
    void a_client_that_leaves_mid_upload_is_one_INFO_line_with_499_and_no_stack_trace() throws Exception {
        List<String> lines;
        try (LogCapture logs = new LogCapture()) {
            String request = "POST /api/v1/share-contexts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + owner.accessToken()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"name\": ";
            raw.sendAndLeave(request.getBytes(StandardCharsets.UTF_8), 300);
            long deadline = System.currentTimeMillis() + 10_000;
            do {
                Thread.sleep(100);
                lines = logs.lines();
            } while (lines.stream().noneMatch(l -> l.contains("status=499")) && System.currentTimeMillis() < deadline);
        }
        // logging events (the console repeats them as formatted lines)
        List<String> access = lines.stream().filter(l -> l.startsWith("io.dashshare.access ")
                && l.contains("path=/api/v1/share-contexts")).toList();
        assertThat(access).hasSize(1);
        assertThat(access.get(0)).contains("status=499");
        String id = access.get(0).replaceAll(".*request_id=([0-9a-f]{24}).*", "$1");
        assertThat(lines.stream().filter(l -> l.contains(id))).noneMatch(l -> l.contains(" WARN ") || l.contains(" ERROR "));
        assertThat(lines).noneMatch(l -> l.contains("status=500") || l.contains("EOFException") || l.contains("\tat "));
        assertThat(send("GET", "/health", new LinkedHashMap<>(), null).status()).isEqualTo(200);
    }

    @Test
    void the_owner_API_still_answers_after_all_of_it() {
        Reply reply = owner.get("/api/v1/dashboards");
        assertThat(reply.status()).isEqualTo(200);
    }
}
