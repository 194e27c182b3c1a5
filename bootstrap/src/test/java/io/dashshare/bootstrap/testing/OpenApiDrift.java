package io.dashshare.bootstrap.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The OpenAPI document cannot drift (docs/api.md, "The API describes itself"): every exchange
 * {@link ApiClient} makes in the end-to-end suite is checked against the document the build
 * generated, with Atlassian's swagger-request-validator. An answer the document does not describe
 * fails the test that received it; so does a request the service accepted (2xx) but the document
 * does not describe. Strict by default (see {@link #REPORT}). Requests the service refused are
 * the suite's attacks on purpose (unknown members, wrong types, unknown routes): only their answers
 * are checked, and an answer to a route that does not exist (404, 405) needs no operation. These
 * are the only exclusions (and {@code /assets/**}, static files, not the API); the CORS preflights
 * of the embed API are described in the document like any operation.
 */
public final class OpenApiDrift {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(document())
            .build();

    /**
     * Where problems are listed instead of failing, or null: fail. Strict is the default, so any drift
     * fails the test that met it (docs/api.md, "The API describes itself"). {@code -Dopenapi.drift=report}
     * is for diagnosis only: one run lists every problem in {@code target/openapi-drift.txt} (or
     * {@code -Dopenapi.drift.report=FILE}) instead of stopping at the first.
     */
    static final String REPORT = "report".equals(System.getProperty("openapi.drift", "strict"))
            ? System.getProperty("openapi.drift.report", "target/openapi-drift.txt") : null;

    private OpenApiDrift() {
    }

    static synchronized void report(String line) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(REPORT), line + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report's messages, empty when the exchange is documented. */
    public static List<String> problems(String method, String pathAndQuery, String requestBody, List<String> requestHeaders,
                                        int status, String responseBody, HttpHeaders responseHeaders) {
        URI uri = URI.create(pathAndQuery);
        if (uri.getRawPath().startsWith("/assets/")) {
            return List.of(); // static files of the pages, not the API
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                request.withQueryParam(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        for (int i = 0; i + 1 < requestHeaders.size(); i += 2) {
            request.withHeader(requestHeaders.get(i), requestHeaders.get(i + 1));
        }
        if (requestBody != null) {
            request.withBody(requestBody).withContentType("application/json");
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        responseHeaders.map().forEach((name, values) -> response.withHeader(name, values));
        if (responseBody != null && !responseBody.isEmpty()) {
            response.withBody(responseBody);
        }
        Request built = request.build();
        ValidationReport report = status < 300
                ? VALIDATOR.validate(built, response.build())
                : VALIDATOR.validateResponse(uri.getRawPath(), Request.Method.valueOf(method), response.build());
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !(status == 404 || status == 405) || !routeMissing(m))
                .collect(Collectors.toList());
        return errors.stream().map(m -> m.getKey() + ": " + m.getMessage()).toList();
    }

    private static boolean routeMissing(ValidationReport.Message message) {
        return message.getKey().equals("validation.request.path.missing")
                || message.getKey().equals("validation.request.operation.notAllowed");
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String document() {
        try (InputStream in = OpenApiDrift.class.getClassLoader().getResourceAsStream("META-INF/swagger/openapi.yml")) {
            if (in == null) {
                throw new IllegalStateException("the generated OpenAPI document is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
