package io.dashshare.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.dashshare.bootstrap.testing.Owner;
import io.dashshare.bootstrap.testing.TestService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The embed page inside an iframe of a host page served from another origin (a JDK HTTP server
 * on 127.0.0.1, while the service is localhost), that origin configured as the company's embed
 * origin. The host sizes its iframe from the page's {@code dashshare:resize} messages only.
 */
class EmbedBrowserTest {

    private static final int INITIAL_HEIGHT = 150;

    private static TestService service;
    private static Owner owner;
    private static Browser browser;
    private static HttpServer host;
    private static String hostOrigin;
    private static List<String> originsBefore;
    private static String embedUrl;
    private static String downloadsEmbedUrl;

    @BeforeAll
    static void start() throws IOException {
        service = TestService.shared();
        owner = Owner.acme();
        host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        host.createContext("/", exchange -> {
            String framed = exchange.getRequestURI().getPath().startsWith("/downloads") ? downloadsEmbedUrl : embedUrl;
            byte[] page = hostPage(framed, exchange.getRequestURI().getQuery()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        host.start();
        hostOrigin = "http://127.0.0.1:" + host.getAddress().getPort();
        originsBefore = owner.embedOrigins();
        List<String> origins = new ArrayList<>(originsBefore);
        origins.add(hostOrigin);
        owner.setEmbedOrigins(origins);
        embedUrl = owner.embed("{\"allowed_params\":[\"period_start\",\"period_end\",\"status\",\"region\"],"
                + "\"expires_in\":3600}").get("embed_url").asText();
        downloadsEmbedUrl = owner.embed("{\"allowed_params\":[\"status\"],\"fixed_params\":{\"region\":\"west\"},"
                + "\"downloads\":true,\"expires_in\":3600}").get("embed_url").asText();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (host != null) {
                host.stop(0);
            }
            if (originsBefore != null) {
                owner.setEmbedOrigins(originsBefore);
            }
        }
    }

    /** The customer's page: an iframe of the embed URL, resized by the service origin's messages. */
    private static String hostPage(String framed, String hash) {
        String src = framed + (hash == null ? "" : "#" + hash);
        String serviceOrigin = service.baseUrl();
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Customer app</title></head>"
                + "<body style=\"margin:0;font-family:sans-serif;background:#eef\"><h1 style=\"margin:8px\">Customer app</h1>"
                + "<iframe id=\"dash\" title=\"Sales dashboard\" src=\"" + src + "\" "
                + "style=\"display:block;width:100%;height:" + INITIAL_HEIGHT + "px;border:0\"></iframe>"
                + "<script>window.resizes = [];"
                + "window.addEventListener('message', function (e) {"
                + "  if (e.origin !== '" + serviceOrigin + "' || !e.data || e.data.type !== 'dashshare:resize') return;"
                + "  window.resizes.push(e.data.height);"
                + "  document.getElementById('dash').style.height = e.data.height + 'px';"
                + "});</script></body></html>";
    }

    private static long iframeHeight() {
        return ((Number) browser.js("return document.getElementById('dash').getBoundingClientRect().height")).longValue();
    }

    private static long lastReported() {
        return ((Number) browser.js("return window.resizes.length ? window.resizes[window.resizes.length - 1] : -1"))
                .longValue();
    }

    /** Inside the frame: how tall the content is, and whether it needs a scrollbar. */
    private static long[] frameContent() {
        WebElement frame = browser.find("#dash");
        browser.driver().switchTo().frame(frame);
        try {
            Number content = (Number) browser.js("return Math.ceil(document.getElementById('main').getBoundingClientRect().height)");
            Number overflow = (Number) browser.js("return document.documentElement.scrollHeight - document.documentElement.clientHeight");
            return new long[] {content.longValue(), overflow.longValue()};
        } finally {
            browser.driver().switchTo().defaultContent();
        }
    }

    private static void waitForDashboardInFrame() {
        browser.driver().switchTo().frame(browser.find("#dash"));
        try {
            browser.waitFor("the embedded dashboard ran", d -> !browser.findAll("section.dashboard[data-runs='1']").isEmpty()
                    && browser.findAll("[data-widget=top_customers] tbody tr").size() == 10);
        } finally {
            browser.driver().switchTo().defaultContent();
        }
    }

    @Test
    void the_embed_page_in_a_foreign_iframe_sizes_its_host_iframe_through_height_messages() {
        browser.open(hostOrigin + "/host.html");
        waitForDashboardInFrame();
        browser.waitFor("the host applied the last height", d -> lastReported() > INITIAL_HEIGHT
                && iframeHeight() == lastReported() && frameContent()[0] == lastReported());
        long[] content = frameContent();
        assertThat(iframeHeight()).isEqualTo(content[0]).isGreaterThan(600);
        assertThat(content[1]).as("the frame needs no scrollbar").isLessThanOrEqualTo(0);
        browser.screenshot("embed-in-host");

        // Content that grows (a chart's data table opened) is reported again: the host follows.
        long before = iframeHeight();
        browser.driver().switchTo().frame(browser.find("#dash"));
        assertThat(browser.findAll(".site-header")).as("no page chrome in an embed").isEmpty();
        browser.find("[data-widget=revenue_by_month] details summary").click();
        browser.driver().switchTo().defaultContent();
        browser.waitFor("the host followed the growth", d -> iframeHeight() > before + 100
                && iframeHeight() == lastReported() && frameContent()[0] == lastReported());
        assertThat(frameContent()[1]).isLessThanOrEqualTo(0);
    }

    @Test
    void an_embed_with_the_downloads_claim_saves_the_csv_of_its_fixed_params_from_inside_the_foreign_iframe() {
        browser.open(hostOrigin + "/host.html");
        waitForDashboardInFrame();
        browser.driver().switchTo().frame(browser.find("#dash"));
        assertThat(browser.findAll("[data-download]")).as("a token without downloads").isEmpty();
        browser.driver().switchTo().defaultContent();

        browser.open(hostOrigin + "/downloads.html");
        waitForDashboardInFrame();
        browser.clearDownloads();
        browser.driver().switchTo().frame(browser.find("#dash"));
        try {
            assertThat(browser.findAll("[data-download]")).hasSize(3);
            browser.find("[data-download=orders_by_status]").click();
            Path file = browser.awaitDownload("sales-overview-orders_by_status-" + LocalDate.now(ZoneOffset.UTC) + ".csv");

            String token = downloadsEmbedUrl.substring(downloadsEmbedUrl.lastIndexOf('/') + 1);
            String expected = service.api().post("/api/embed/d/" + token + "/widgets/orders_by_status/export", "{}").body();
            assertThat(PublicLinkBrowserTest.readUtf8(file)).isEqualTo(expected).startsWith("status,orders\r\n");
            // The token's fixed region: the file counts the west only, as the chart does.
            assertThat(expected).isEqualTo(owner.post("/api/v1/dashboards/" + owner.salesOverviewId()
                    + "/widgets/orders_by_status/export", "{\"parameters\": {\"region\": \"west\"}}").body());
        } finally {
            browser.driver().switchTo().defaultContent();
        }
        browser.screenshot("embed-downloads");
    }

    @Test
    void hash_options_give_a_dark_borderless_untitled_embed() {
        browser.open(hostOrigin + "/host.html?theme=dark&bordered=false&titled=false");
        waitForDashboardInFrame();
        browser.waitFor("the host applied the last height", d -> iframeHeight() == lastReported()
                && frameContent()[0] == lastReported());
        browser.driver().switchTo().frame(browser.find("#dash"));
        try {
            assertThat(browser.js("return document.documentElement.dataset.theme")).isEqualTo("dark");
            assertThat(browser.js("return getComputedStyle(document.getElementById('main')).borderTopWidth")).isEqualTo("0px");
            WebElement title = browser.find("section.dashboard h1");
            assertThat(title.getAttribute("class")).isEqualTo("visually-hidden");
            assertThat(title.getAttribute("textContent")).isEqualTo("Sales overview");
            assertThat(Accessibility.unlabelledControls(browser)).isEmpty();
            assertThat(Accessibility.lowContrastText(browser)).isEmpty();
        } finally {
            browser.driver().switchTo().defaultContent();
        }
        browser.screenshot("embed-dark");
    }
}
