package io.dashshare.adapter.http.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dashshare.adapter.http.page.PagePolicy;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The OpenAPI document micronaut-openapi wrote at compile time ({@code META-INF/swagger/openapi.yml}),
 * as YAML and as JSON, and the page that renders it (docs/api.md, "The API describes itself").
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "ops")
public class OpenApiController {

    static final String DOCUMENT = "META-INF/swagger/openapi.yml";
    private static final String YAML = "application/yaml";

    private final byte[] yaml = read(DOCUMENT);
    private final byte[] json = toJson(yaml);
    private final byte[] page = read("viewer/pages/docs.html");

    @Get(uri = "/openapi.yml", produces = YAML)
    @ApiResponse(responseCode = "200", description = "This document as YAML",
            content = @Content(mediaType = YAML, schema = @Schema(type = "string")))
    @Operation(operationId = "getOpenApiYaml")
    public HttpResponse<byte[]> yaml() {
        return HttpResponse.ok(yaml).contentType(YAML + ";charset=utf-8");
    }

    @Get(uri = "/openapi.json", produces = MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "This document as JSON",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    @Operation(operationId = "getOpenApiJson")
    public HttpResponse<byte[]> json() {
        return HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(uri = "/docs", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "getApiDocsPage")
    @ApiResponse(responseCode = "200", description = "Swagger UI rendering this document",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    public HttpResponse<byte[]> docs() {
        return HttpResponse.ok(page)
                .contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                .header(PagePolicy.HEADER, PagePolicy.CONTENT_SECURITY_POLICY);
    }

    private static byte[] toJson(byte[] yaml) {
        try {
            return new ObjectMapper().writeValueAsBytes(new YAMLMapper().readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String path) {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing on the classpath: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
