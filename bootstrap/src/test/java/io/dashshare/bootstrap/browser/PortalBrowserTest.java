package io.dashshare.bootstrap.browser;

import static io.dashshare.bootstrap.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashshare.bootstrap.testing.Owner;
import io.dashshare.bootstrap.testing.TestService;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The share portal {@code /portal/acme}: email, the mailed code, the list, a dashboard, sign-out. */
class PortalBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORAGE_KEY = "dashshare.portal.acme";

    private static TestService service;
    private static Owner owner;
    private static Browser browser;
    private static String contextId;

    @BeforeAll
    static void start() {
        service = TestService.shared();
        owner = Owner.acme();
        contextId = owner.createContext("Browser portal customers");
        owner.linkShare("\"share_context_id\":\"" + contextId + "\",\"share_filter_policies\":[{\"filter_slug\":\"status\","
                + "\"filter_kind\":\"multi_select\",\"mode\":\"selectable\",\"allowed_values\":[\"Active\",\"Pending\"]}]");
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Every test starts signed out, whatever the one before left in this tab's sessionStorage. */
    @BeforeEach
    void signedOut() {
        browser.open(service.baseUrl() + "/portal/acme");
        browser.js("window.sessionStorage.clear()");
    }

    private static String newMember() {
        String email = "viewer-" + System.nanoTime() + "@customer.test";
        owner.addMember(contextId, email);
        return email;
    }

    /** Email, then the code GreenMail received, as the person would type them. */
    private static void signIn(String email) {
        browser.open(service.baseUrl() + "/portal/acme");
        WebElement emailInput = browser.waitVisible("input[type=email]");
        assertThat(browser.findAll("label[for=portal-email]")).extracting(WebElement::getText).containsExactly("Email address");
        emailInput.sendKeys(email);
        browser.find("form.auth-form button[type=submit]").click();
        WebElement codeInput = browser.waitVisible("#portal-code");
        assertThat(browser.find("main").getText()).contains("Check your email").contains(email);
        codeInput.sendKeys(service.latestCodeFor(email));
        browser.find("form.auth-form button[type=submit]").click();
        browser.waitVisible(".dash-list");
    }

    private static JsonNode storedSession() {
        String raw = (String) browser.js("return window.sessionStorage.getItem(arguments[0])", STORAGE_KEY);
        try {
            return raw == null ? null : JSON.readTree(raw);
        } catch (java.io.IOException e) {
            throw new AssertionError(raw, e);
        }
    }

    @Test
    void a_member_signs_in_with_the_mailed_code_sees_the_list_opens_the_dashboard_and_signs_out() {
        String email = newMember();
        browser.open(service.baseUrl() + "/portal/acme");
        browser.waitVisible("input[type=email]");
        browser.screenshot("portal-email");
        signIn(email);

        assertThat(browser.find("h1").getText()).isEqualTo("Dashboards shared with you");
        assertThat(browser.find("#signed-in-as").getText()).isEqualTo("Signed in as " + email);
        assertThat(browser.find(".brand").getText()).isEqualTo("Acme · shared dashboards");
        List<WebElement> items = browser.findAll(".dash-item");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).getText()).contains("Sales overview").contains("Browser portal customers");
        browser.screenshot("portal-list");

        // The session is this tab's only: sessionStorage, no cookie.
        JsonNode session = storedSession();
        assertThat(session.get("accessToken").asText()).isNotBlank();
        assertThat(session.get("refreshToken").asText()).isNotBlank();
        assertThat((String) browser.js("return document.cookie")).isEmpty();
        assertThat(browser.driver().manage().getCookies()).isEmpty();

        browser.find(".dash-link").click();
        browser.waitFor("the dashboard ran", d -> "1".equals(browser.find("section.dashboard").getAttribute("data-runs")));
        assertThat(browser.driver().getCurrentUrl()).contains("#dashboard=sales-overview&context=" + contextId);
        assertThat(browser.find("h1").getText()).isEqualTo("Sales overview");
        assertThat(browser.find(".back .through").getText()).isEqualTo("· Shared through Browser portal customers");
        assertThat(browser.findAll("article.widget")).hasSize(4);
        assertThat(browser.findAll(".widget-error")).isEmpty();
        // The share's policy: only Active and Pending may be chosen, both in force when none is ticked.
        List<String> choices = browser.findAll("[data-filter=status] label.option").stream()
                .map(o -> o.getText().trim()).collect(Collectors.toList());
        assertThat(choices).containsExactly("Active", "Pending");
        assertThat(browser.findAll("[data-widget=orders_by_status] details table tbody tr"))
                .extracting(r -> r.findElement(By.tagName("th")).getAttribute("textContent"))
                .containsExactly("Active", "Pending");
        assertThat(Accessibility.unlabelledControls(browser)).isEmpty();
        assertThat(Accessibility.lowContrastText(browser)).isEmpty();
        browser.fullPageScreenshot("portal-dashboard");

        browser.find(".back-link").click();
        browser.waitVisible(".dash-list");

        String accessToken = storedSession().get("accessToken").asText();
        browser.find("#logout").click();
        browser.waitVisible("input[type=email]");
        assertThat(storedSession()).isNull();
        assertThat(browser.find("#portal-nav").isDisplayed()).isFalse();
        assertThat(service.api().get("/api/v1/share-portal/acme/dashboards", "Authorization", bearer(accessToken)).status())
                .isEqualTo(401);
    }

    @Test
    void the_link_in_the_mail_fills_the_form_leaves_the_address_bar_clean_and_signs_in_with_one_click() {
        String email = newMember();
        assertThat(service.api().post("/api/v1/share-auth/request",
                "{\"company_slug\": \"acme\", \"email\": \"" + email + "\"}").status()).isEqualTo(202);
        String link = service.latestSignInLinkFor(email);
        String code = service.latestCodeFor(email);
        assertThat(link).startsWith(service.baseUrl() + "/portal/acme#email=");

        // A mail scanner opening the link first must not spend the code: opening only fills the form.
        browser.open(link);
        browser.waitVisible("#portal-code");
        browser.open(link);
        WebElement codeInput = browser.waitVisible("#portal-code");

        assertThat(codeInput.getAttribute("value")).isEqualTo(code);
        assertThat(browser.find("main").getText()).contains(email);
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(service.baseUrl() + "/portal/acme");
        assertThat((String) browser.js("return window.location.hash")).isEmpty();
        assertThat(storedSession()).isNull();
        assertThat(Accessibility.unlabelledControls(browser)).isEmpty();
        browser.screenshot("portal-sign-in-link");

        browser.find("form.auth-form button[type=submit]").click();

        browser.waitVisible(".dash-list");
        assertThat(browser.find("#signed-in-as").getText()).isEqualTo("Signed in as " + email);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(code);
    }

    @Test
    void sign_out_everywhere_ends_the_persons_other_sessions_too() {
        String email = newMember();
        signIn(email);
        JsonNode other = service.api().post("/api/v1/share-auth/verify", "{\"company_slug\": \"acme\", \"email\": \""
                + email + "\", \"code\": \"" + codeFor(email) + "\"}").json();

        browser.find("#logout-everywhere").click();

        browser.waitVisible("input[type=email]");
        assertThat(storedSession()).isNull();
        assertThat(service.api().get("/api/v1/share-portal/acme/dashboards", "Authorization",
                bearer(other.get("access_token").asText())).status()).as("the session on another device").isEqualTo(401);
    }

    private static String codeFor(String email) {
        long before = service.mailsTo(email);
        service.api().post("/api/v1/share-auth/request", "{\"company_slug\": \"acme\", \"email\": \"" + email + "\"}");
        browser.waitFor("the code mail", d -> service.mailsTo(email) > before ? Boolean.TRUE : null);
        return service.latestCodeFor(email);
    }

    @Test
    void a_share_with_downloads_saves_the_csv_of_the_chart_with_the_status_ticked() {
        String downloads = owner.createContext("Browser portal downloads");
        owner.linkShare("\"share_context_id\":\"" + downloads + "\",\"downloads\":true");
        String email = "downloader-" + System.nanoTime() + "@customer.test";
        owner.addMember(downloads, email);
        // Signed out first: another test may have left its session in this tab.
        browser.open(service.baseUrl() + "/portal/acme");
        browser.js("window.sessionStorage.clear()");
        signIn(email);
        browser.find(".dash-link").click();
        browser.waitFor("the dashboard ran", d -> "1".equals(browser.find("section.dashboard").getAttribute("data-runs")));
        browser.waitFor("the status options arrived", d -> !browser.findAll("[data-filter=status] label.option").isEmpty());
        browser.findAll("[data-filter=status] label.option").stream().filter(o -> o.getText().trim().equals("Closed"))
                .findFirst().orElseThrow().findElement(By.tagName("input")).click();
        browser.waitFor("the dashboard ran again", d -> "2".equals(browser.find("section.dashboard").getAttribute("data-runs"))
                && "false".equals(browser.find("section.dashboard").getAttribute("aria-busy")));
        browser.clearDownloads();

        browser.find("[data-download=revenue_by_month]").click();
        Path file = browser.awaitDownload("sales-overview-revenue_by_month-" + LocalDate.now(ZoneOffset.UTC) + ".csv");

        String expected = owner.post("/api/v1/dashboards/" + owner.salesOverviewId() + "/widgets/revenue_by_month/export",
                "{\"parameters\": {\"status\": [\"Closed\"]}}").body();
        assertThat(PublicLinkBrowserTest.readUtf8(file)).isEqualTo(expected).startsWith("month,revenue\r\n");
        assertThat(expected.split("\r\n")).hasSize(13);
        browser.waitFor("the download was announced", d -> browser.find("#announcer").getAttribute("textContent")
                .startsWith("Revenue by month downloaded as "));
    }

    @Test
    void a_wrong_code_is_explained_beside_the_code_field() {
        String email = newMember();
        browser.open(service.baseUrl() + "/portal/acme");
        browser.waitVisible("input[type=email]").sendKeys(email);
        browser.find("form.auth-form button[type=submit]").click();
        browser.waitVisible("#portal-code").sendKeys("0000-0000");
        browser.find("form.auth-form button[type=submit]").click();
        WebElement error = browser.waitVisible("#portal-code-error");
        assertThat(error.getText()).contains("wrong, used or expired");
        assertThat(browser.find("#portal-code").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#portal-code").getAttribute("aria-describedby")).contains("portal-code-error");
        browser.screenshot("portal-wrong-code");
    }

    @Test
    void the_access_token_is_refreshed_before_it_expires_and_the_refresh_token_rotates() {
        String email = newMember();
        signIn(email);
        JsonNode first = storedSession();
        // Pretend the access token is about to expire, then come back to the page.
        browser.js("const key = arguments[0]; const s = JSON.parse(sessionStorage.getItem(key));"
                + "s.expiresAt = Date.now() + 3000; sessionStorage.setItem(key, JSON.stringify(s));", STORAGE_KEY);
        browser.driver().navigate().refresh();
        browser.waitVisible(".dash-list");
        JsonNode refreshed = browser.waitFor("the session was refreshed", d -> {
            JsonNode now = storedSession();
            return now != null && !now.get("refreshToken").asText().equals(first.get("refreshToken").asText()) ? now : null;
        });
        assertThat(refreshed.get("accessToken").asText()).isNotEqualTo(first.get("accessToken").asText());
        assertThat(refreshed.get("expiresAt").asLong()).isGreaterThan(first.get("expiresAt").asLong() - 60_000);
        assertThat(service.api().get("/api/v1/share-portal/acme/dashboards", "Authorization",
                bearer(refreshed.get("accessToken").asText())).status()).isEqualTo(200);
        // Still signed in: the list works with the new token.
        browser.driver().navigate().refresh();
        browser.waitVisible(".dash-list");
        assertThat(storedSession().get("refreshToken").asText()).isEqualTo(refreshed.get("refreshToken").asText());
    }
}
