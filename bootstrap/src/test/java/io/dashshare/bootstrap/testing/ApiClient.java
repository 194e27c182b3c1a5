package io.dashshare.bootstrap.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A plain HTTP client on the JDK, sending bodies byte for byte as curl would. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Reply post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Reply send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            List<String> problems = OpenApiDrift.problems(method, path, body, List.of(headers), response.statusCode(),
                    response.body(), response.headers());
            if (!problems.isEmpty() && OpenApiDrift.REPORT != null) {
                OpenApiDrift.report(method + " " + redacted(path) + " -> " + response.statusCode() + ": "
                        + redacted(problems.toString()));
            } else if (!problems.isEmpty()) {
                throw new AssertionError("The OpenAPI document does not describe " + method + " " + redacted(path) + " -> "
                        + response.statusCode() + ": " + redacted(problems.toString()));
            }
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Tokens in paths are secrets of the test's own service; a drift report names the route, not them. */
    private static String redacted(String path) {
        return path.replaceAll("[A-Za-z0-9_-]{40,}(\\.[A-Za-z0-9_-]+)*", "<token>");
    }

    /** The owner's access token ({@code POST /api/v1/auth/login}). */
    public String login(String email, String password) {
        Reply reply = post("/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (reply.status() != 200) {
            throw new AssertionError("login failed: " + reply);
        }
        return reply.json().get("access_token").asText();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public record Reply(int status, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String errorCode() {
            return json().path("error_code").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
