package io.dashshare.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.bootstrap.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /docs} in headless Chromium: Swagger UI from the webjar renders the generated document
 * under the pages' strict CSP (no inline script), asks no other host and logs no error.
 */
class ApiDocsBrowserTest {

    private static TestService service;
    private static Browser browser;

    @BeforeAll
    static void start() {
        service = TestService.shared();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void swagger_ui_renders_the_document_with_no_console_error() {
        browser.open(service.baseUrl() + "/docs");
        browser.waitVisible(".swagger-ui .info .title");
        browser.waitVisible(".opblock-tag-section");
        assertThat(browser.find(".swagger-ui .info .title").getText()).contains("dashshare");
        assertThat(browser.findAll(".opblock").size()).isGreaterThan(50);
        assertThat(browser.requestedUrls()).allSatisfy(url -> assertThat(url).startsWith(service.baseUrl() + "/"));
        assertThat(browser.consoleErrors(true)).as("console errors").isEmpty();
    }
}
