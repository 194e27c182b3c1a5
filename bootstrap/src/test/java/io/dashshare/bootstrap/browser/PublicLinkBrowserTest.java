package io.dashshare.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.Owner;
import io.dashshare.bootstrap.testing.TestService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The public link page {@code /s/{token}} in Chromium, on the demo dashboard. */
class PublicLinkBrowserTest {

    private static TestService service;
    private static Owner owner;
    private static Browser browser;
    private static String freeLink;

    @BeforeAll
    static void start() {
        service = TestService.shared();
        owner = Owner.acme();
        freeLink = owner.linkShare("").get("url").asText();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static void openAndWaitForData(String url) {
        browser.open(url);
        browser.waitFor("the dashboard ran once", d -> "1".equals(dashboardAttribute("data-runs")));
    }

    private static String dashboardAttribute(String name) {
        List<WebElement> boards = browser.findAll("section.dashboard");
        return boards.isEmpty() ? null : boards.get(0).getAttribute(name);
    }

    private static String figure() {
        return browser.find("[data-widget=total_revenue] .figure-value data").getAttribute("value");
    }

    @Test
    void the_public_link_page_draws_the_four_demo_widgets_with_data() {
        openAndWaitForData(freeLink);
        assertThat(browser.find("h1").getText()).isEqualTo("Sales overview");
        assertThat(browser.find(".dash-description").getText()).contains("demo shop");
        assertThat(browser.findAll("article.widget")).extracting(w -> w.getAttribute("data-visualization"))
                .containsExactly("number", "bar", "line", "table");

        assertThat(new BigDecimal(figure())).isPositive();
        assertThat(browser.find("[data-widget=total_revenue] .figure-value").getText()).matches("[0-9,.]+");
        // Real Chart.js charts with one bar per status and one point per month of 2025.
        assertThat(chartPoints("orders_by_status")).isGreaterThanOrEqualTo(3);
        assertThat(chartPoints("revenue_by_month")).isEqualTo(12);
        assertThat(browser.find("[data-widget=orders_by_status] canvas").getAttribute("aria-label")).contains("bar chart");
        List<WebElement> rows = browser.findAll("[data-widget=top_customers] table tbody tr");
        assertThat(rows).hasSize(10);
        assertThat(browser.findAll("[data-widget=top_customers] thead th")).extracting(WebElement::getText)
                .containsExactly("Customer", "Orders", "Revenue");
        assertThat(browser.findAll(".widget-error")).isEmpty();
        // Every filter the viewer may use, by kind; each control has a label.
        assertThat(browser.findAll(".field")).extracting(f -> f.getAttribute("data-filter"))
                .containsExactly("period_start", "period_end", "status", "region");
        assertThat(browser.find("[data-filter=period_start] input").getAttribute("type")).isEqualTo("date");
        assertThat(browser.find("[data-filter=period_start] input").getAttribute("value")).isEqualTo("2025-01-01");
        assertThat(browser.find("[data-filter=region] select").findElements(By.tagName("option")))
                .extracting(WebElement::getText).containsExactly("All", "North", "South", "East", "West");
        assertThat(Accessibility.unlabelledControls(browser)).isEmpty();
        assertThat(Accessibility.lowContrastText(browser)).isEmpty();
        browser.fullPageScreenshot("public-link");
    }

    @Test
    void ticking_a_status_reruns_the_dashboard_and_changes_the_numbers() {
        openAndWaitForData(freeLink);
        String before = figure();
        WebElement active = browser.waitFor("the status options arrived",
                d -> optionInput("status", "Active"));
        active.click();
        browser.waitFor("the dashboard ran again", d -> "2".equals(dashboardAttribute("data-runs"))
                && "false".equals(dashboardAttribute("aria-busy")));
        String after = figure();
        assertThat(after).isNotEqualTo(before);
        assertThat(new BigDecimal(after)).isLessThan(new BigDecimal(before));
        String shareToken = freeLink.substring(freeLink.lastIndexOf('/') + 1);
        assertThat(new BigDecimal(after)).isEqualByComparingTo(
                owner.totalRevenue(shareToken, "{\"status\":[\"Active\"]}"));
        assertThat(browser.findAll("[data-filter=status] .chip")).extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).startsWith("Active"));
        assertThat(chartPoints("orders_by_status")).isEqualTo(1);
        browser.fullPageScreenshot("public-link-status-active");
    }

    @Test
    void the_dynamic_status_select_narrows_its_options_while_typing() {
        openAndWaitForData(freeLink);
        browser.waitFor("all four statuses listed", d -> optionLabels("status").size() == 4);
        assertThat(optionLabels("status")).containsExactly("Active", "Cancelled", "Closed", "Pending");
        WebElement search = browser.find("[data-filter=status] input[type=search]");
        assertThat(search.getAttribute("id")).isNotBlank();
        assertThat(browser.findAll("label[for='" + search.getAttribute("id") + "']")).hasSize(1);
        search.sendKeys("pen");
        browser.waitFor("only Pending matches 'pen'", d -> optionLabels("status").equals(List.of("Pending")));
        assertThat(browser.find("[data-filter=status] .picker-status").getText()).contains("1 option");
        search.sendKeys("x");
        browser.waitFor("nothing matches 'penx'", d -> optionLabels("status").isEmpty()
                && !browser.findAll("[data-filter=status] .picker-empty").isEmpty());
        browser.screenshot("public-link-status-search");
        // The search only narrows the list: the dashboard did not run again.
        assertThat(dashboardAttribute("data-runs")).isEqualTo("1");
    }

    @Test
    void a_fixed_filter_is_shown_locked_and_cannot_be_changed() {
        JsonNode share = owner.linkShare("\"share_filter_policies\":[{\"filter_slug\":\"region\",\"filter_kind\":\"select\","
                + "\"mode\":\"fixed\",\"value\":\"north\"}]");
        openAndWaitForData(share.get("url").asText());
        WebElement region = browser.find("[data-filter=region]");
        assertThat(region.getAttribute("data-mode")).isEqualTo("fixed");
        assertThat(region.findElements(By.tagName("select"))).isEmpty();
        WebElement locked = region.findElement(By.tagName("input"));
        assertThat(locked.getAttribute("readonly")).isNotNull();
        assertThat(locked.getAttribute("value")).isEqualTo("North");
        assertThat(region.getText()).contains("Locked").contains("cannot be changed");
        locked.click();
        locked.sendKeys("South");
        assertThat(locked.getAttribute("value")).isEqualTo("North");
        // What the page shows is what the share computes: the north region only.
        String shareToken = share.get("token").asText();
        assertThat(new BigDecimal(figure())).isEqualByComparingTo(owner.totalRevenue(shareToken, "{}"))
                .isEqualByComparingTo(owner.totalRevenue(freeLink.substring(freeLink.lastIndexOf('/') + 1),
                        "{\"region\":\"north\"}"));
        browser.screenshot("public-link-fixed-region");
    }

    @Test
    void a_revoked_link_shows_its_error_page() {
        JsonNode share = owner.linkShare("");
        owner.revokeShare(share.get("id").asText());
        browser.open(share.get("url").asText());
        WebElement state = browser.waitVisible("[data-state=token-invalid]");
        assertThat(state.findElement(By.tagName("h1")).getText()).isEqualTo("This link does not work any more");
        assertThat(state.getText()).contains("revoked");
        assertThat(browser.findAll("article.widget")).isEmpty();
        assertThat(browser.driver().getTitle()).isEqualTo("This link does not work any more");
        browser.screenshot("public-link-revoked");
    }

    @Test
    void a_link_shared_with_people_leads_to_the_portal_sign_in() {
        String context = owner.createContext("Browser public-link context");
        JsonNode share = owner.linkShare("\"share_context_id\":\"" + context + "\"");
        browser.open(share.get("url").asText());
        WebElement state = browser.waitVisible("[data-state=auth-required]");
        WebElement signIn = state.findElement(By.linkText("Sign in"));
        assertThat(signIn.getAttribute("href")).isEqualTo(service.baseUrl() + "/portal/acme");
        signIn.click();
        browser.waitVisible("input[type=email]");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(service.baseUrl() + "/portal/acme");
    }

    @Test
    void on_a_phone_width_screen_the_page_fits_without_sideways_scrolling() {
        openAndWaitForData(freeLink);
        browser.driver().manage().window().setSize(Browser.PHONE);
        browser.waitFor("the layout settled", d -> (Boolean) browser.js(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        Number widest = (Number) browser.js("return Math.max(...[...document.querySelectorAll('article.widget')]"
                + ".map(w => w.getBoundingClientRect().right))");
        Number viewport = (Number) browser.js("return document.documentElement.clientWidth");
        assertThat(widest.doubleValue()).isLessThanOrEqualTo(viewport.doubleValue());
        browser.screenshot("public-link-phone");
    }

    @Test
    void a_failing_widget_shows_its_error_inside_itself_and_text_from_the_api_stays_text() {
        String id = owner.createDashboard("{\"slug\":\"browser-broken-" + System.nanoTime() + "\","
                + "\"name\":\"Broken <b>one</b>\",\"description\":\"<img src=x id=injected>\",\"data_source\":\"demo\","
                + "\"filters\":[{\"slug\":\"minimum\",\"label\":\"Minimum orders\",\"kind\":\"number\",\"required\":false,\"default\":5},"
                + "{\"slug\":\"customer\",\"label\":\"Customer\",\"kind\":\"text\",\"required\":false}],"
                + "\"widgets\":[{\"slug\":\"share\",\"title\":\"Orders by status\",\"visualization\":\"pie\","
                + "\"sql\":\"select status, count(*) as orders from demo.orders where (:customer::text is null or customer = :customer)"
                + " group by status having count(*) >= :minimum order by status\"},"
                + "{\"slug\":\"broken\",\"title\":\"Broken figure\",\"visualization\":\"number\",\"sql\":\"select 1/0 as x\"}]}");
        try {
            openAndWaitForData(owner.linkShare(id, "").get("url").asText());
            WebElement broken = browser.find("[data-widget=broken]");
            assertThat(broken.findElement(By.className("widget-error")).getText()).contains("This widget's query failed.")
                    .contains("DB_QUERY_ERROR");
            WebElement pie = browser.find("[data-widget=share]");
            assertThat(pie.findElements(By.className("widget-error"))).isEmpty();
            assertThat(chartPoints("share")).isEqualTo(4);
            assertThat(browser.find("h1").getText()).isEqualTo("Broken <b>one</b>");
            assertThat(browser.find(".dash-description").getText()).isEqualTo("<img src=x id=injected>");
            assertThat(browser.findAll("#injected, h1 b")).isEmpty();
            assertThat(browser.find("[data-filter=minimum] input").getAttribute("type")).isEqualTo("number");
            assertThat(browser.find("[data-filter=minimum] input").getAttribute("value")).isEqualTo("5");
            browser.fullPageScreenshot("public-link-widget-error");

            WebElement customer = browser.find("[data-filter=customer] input[type=text]");
            customer.sendKeys("Hooli 08\n");
            browser.waitFor("the dashboard ran for one customer", d -> "2".equals(dashboardAttribute("data-runs"))
                    && "false".equals(dashboardAttribute("aria-busy")));
            assertThat(chartPoints("share")).isBetween(1L, 4L);
            assertThat(browser.find("[data-widget=broken] .widget-error").isDisplayed()).isTrue();
        } finally {
            owner.deleteDashboard(id);
        }
    }

    @Test
    void a_policy_refusal_is_explained_beside_the_filter_it_names() {
        JsonNode share = owner.linkShare("");
        openAndWaitForData(share.get("url").asText());
        WebElement active = browser.waitFor("the status options arrived", d -> optionInput("status", "Active"));
        // The owner disables the filter while the page is open: the next run is refused.
        owner.patchShare(share.get("id").asText(), "{\"share_filter_policies\":[{\"filter_slug\":\"status\","
                + "\"filter_kind\":\"multi_select\",\"mode\":\"disabled\"}]}");
        active.click();
        WebElement error = browser.waitVisible("[data-filter=status] .field-error");
        assertThat(error.getText()).isNotBlank();
        assertThat(browser.find("[data-filter=status] fieldset").getAttribute("aria-describedby")).contains(error.getAttribute("id"));
        assertThat(browser.find("[data-filter=status] fieldset").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findAll(".field-error")).filteredOn(WebElement::isDisplayed).hasSize(1);
        browser.waitFor("the error was announced", d -> browser.find("#announcer").getAttribute("textContent").equals(error.getText()));
        browser.screenshot("public-link-filter-refused");
    }

    @Test
    void with_downloads_tables_and_charts_offer_a_csv_of_what_the_filters_show_and_without_them_nothing() {
        openAndWaitForData(freeLink);
        assertThat(browser.findAll("[data-download]")).as("a share without downloads").isEmpty();

        JsonNode share = owner.linkShare("\"downloads\": true");
        openAndWaitForData(share.get("url").asText());
        assertThat(browser.findAll("[data-download]")).extracting(b -> b.getAttribute("data-download"))
                .containsExactly("orders_by_status", "revenue_by_month", "top_customers");
        assertThat(browser.find("[data-download=top_customers]").getAttribute("aria-label"))
                .isEqualTo("Download Top customers as CSV");
        assertThat(Accessibility.unlabelledControls(browser)).isEmpty();
        new Select(browser.find("[data-filter=region] select")).selectByVisibleText("East");
        browser.waitFor("the dashboard ran again", d -> "2".equals(dashboardAttribute("data-runs"))
                && "false".equals(dashboardAttribute("aria-busy")));
        browser.clearDownloads();

        browser.find("[data-download=top_customers]").click();
        String name = "sales-overview-top_customers-" + LocalDate.now(ZoneOffset.UTC) + ".csv";
        Path file = browser.awaitDownload(name);

        // The file is the export of the filters on screen: the same bytes the API gives for region east.
        String token = share.get("token").asText();
        String expected = service.api().post("/api/v1/public/shares/" + token + "/widgets/top_customers/export",
                "{\"parameters\": {\"region\": \"east\"}}").body();
        String downloaded = readUtf8(file);
        assertThat(downloaded).isEqualTo(expected).startsWith("customer,orders,revenue\r\n");
        assertThat(downloaded.split("\r\n")).hasSize(11);
        assertThat(downloaded).isNotEqualTo(service.api().post("/api/v1/public/shares/" + token
                + "/widgets/top_customers/export", "{}").body());
        browser.waitFor("the download was announced", d -> browser.find("#announcer").getAttribute("textContent")
                .equals("Top customers downloaded as " + name + "."));
        browser.fullPageScreenshot("public-link-downloads");
    }

    static String readUtf8(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long chartPoints(String widget) {
        return ((Number) browser.js("const c = window.Chart.getChart(arguments[0]);"
                        + "return c ? c.data.datasets[0].data.filter(v => v !== null).length : -1;",
                browser.find("[data-widget=" + widget + "] canvas"))).longValue();
    }

    private static WebElement optionInput(String filter, String label) {
        for (WebElement option : browser.findAll("[data-filter=" + filter + "] label.option")) {
            if (option.getText().trim().equals(label)) {
                return option.findElement(By.tagName("input"));
            }
        }
        return null;
    }

    /** Read in one script: the list may re-render between two WebDriver calls. */
    @SuppressWarnings("unchecked")
    private static List<String> optionLabels(String filter) {
        return (List<String>) browser.js("return [...document.querySelectorAll(arguments[0])].map(o => o.textContent.trim())",
                "[data-filter=" + filter + "] label.option");
    }
}
