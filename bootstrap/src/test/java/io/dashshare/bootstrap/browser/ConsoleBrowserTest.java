package io.dashshare.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dashshare.bootstrap.testing.Owner;
import io.dashshare.bootstrap.testing.TestService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console (docs/console.md) in Chromium, on a company of its own: every page is driven as an
 * owner would, and each test ends by checking that the pages asked no other host for anything and
 * logged no error (refused API calls aside, where a refusal is what the test provokes).
 */
class ConsoleBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestService service;
    private static Owner admin;
    private static String adminEmail;
    private static String dashboardId;
    private static Browser browser;

    @BeforeAll
    static void start() {
        service = TestService.shared();
        admin = Owner.newCompany("console");
        adminEmail = "admin@" + admin.companySlug() + ".test";
        dashboardId = admin.salesOverviewId();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void the_page_asked_no_other_host_and_logged_no_error() {
        for (String handle : browser.driver().getWindowHandles()) {
            browser.driver().switchTo().window(handle);
            assertThat(browser.requestedUrls()).as("requests of " + browser.driver().getCurrentUrl())
                    .allSatisfy(url -> assertThat(url).startsWith(service.baseUrl() + "/"));
        }
        assertThat(browser.consoleErrors(false)).as("console errors").isEmpty();
        closeOtherTabs();
    }

    private static void closeOtherTabs() {
        String first = browser.driver().getWindowHandles().iterator().next();
        for (String handle : new ArrayList<>(browser.driver().getWindowHandles())) {
            if (!handle.equals(first)) {
                browser.driver().switchTo().window(handle);
                browser.driver().close();
            }
        }
        browser.driver().switchTo().window(first);
    }

    // -- helpers ---------------------------------------------------------------------------------

    private static void signIn(String email, String password) {
        browser.open(service.baseUrl() + "/console/sign-in");
        browser.js("sessionStorage.clear()");
        browser.open(service.baseUrl() + "/console/sign-in");
        browser.waitVisible("#sign-in-form input[name=email]").sendKeys(email);
        browser.find("#sign-in-form input[name=password]").sendKeys(password, Keys.ENTER);
        browser.waitFor("signed in", d -> browser.findAll("#signed-in-as").stream().anyMatch(WebElement::isDisplayed));
    }

    private static void signInAsAdmin() {
        signIn(adminEmail, Owner.PASSWORD);
    }

    private static void openConsole(String path) {
        browser.open(service.baseUrl() + path);
        browser.waitFor("the page heading", d -> !browser.findAll("main h1").isEmpty());
    }

    private static String heading() {
        return browser.find("main h1").getText();
    }

    private static void confirm() {
        browser.waitVisible("dialog[open] [data-confirm]").click();
    }

    private static void assertAccessible(String what) {
        assertThat(Accessibility.unlabelledControls(browser)).as("unlabelled controls: " + what).isEmpty();
        assertThat(Accessibility.lowContrastText(browser)).as("low contrast: " + what).isEmpty();
    }

    private static void openDashboardPage() {
        openConsole("/console/dashboards/" + dashboardId);
        browser.waitFor("the preview ran", d -> "1".equals(browser.find("section.dashboard").getAttribute("data-runs")));
        browser.waitFor("the shares list", d -> !browser.findAll("#shares table").isEmpty());
    }

    /** The share row named {@code name} in the dashboard's shares list. */
    private static WebElement shareRow(String shareId) {
        return browser.waitVisible("#shares tr[data-share='" + shareId + "']");
    }

    private static JsonNode sharesOfDashboard() {
        return Owner.expect(200, admin.get("/api/v1/dashboards/" + dashboardId + "/shares")).json().get("shares");
    }

    private static JsonNode shareNamed(String name) {
        for (JsonNode share : sharesOfDashboard()) {
            if (share.get("name").asText().equals(name)) {
                return share;
            }
        }
        throw new AssertionError("no share named " + name + " in " + sharesOfDashboard().findValuesAsText("name"));
    }

    private static List<String> viewerOptionLabels(String filter) {
        return browser.findAll("[data-filter=" + filter + "] .picker-options .option span").stream().map(WebElement::getText).toList();
    }

    /** Presses Tab (and only Tab) until the focused element matches {@code css}. */
    private static void tabTo(String css) {
        Actions keys = new Actions(browser.driver());
        for (int i = 0; i < 120; i++) {
            if (Boolean.TRUE.equals(browser.js("return document.activeElement && document.activeElement.matches(arguments[0])", css))) {
                return;
            }
            keys.sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + css);
    }

    private static void press(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    // -- tests -----------------------------------------------------------------------------------

    @Test
    void an_owner_signs_in_sees_the_dashboards_and_a_wrong_password_is_said_at_the_form() {
        browser.open(service.baseUrl() + "/console/sign-in");
        browser.js("sessionStorage.clear()");
        browser.open(service.baseUrl() + "/console/contexts");
        browser.waitFor("sent to sign in", d -> d.getCurrentUrl().endsWith("/console/sign-in"));
        browser.waitVisible("#sign-in-form input[name=email]").sendKeys(adminEmail);
        browser.find("#sign-in-form input[name=password]").sendKeys("not the password at all", Keys.ENTER);
        assertThat(browser.waitVisible("#sign-in-form .notice--error").getText()).contains("not right");
        assertAccessible("sign-in");
        browser.screenshot("console-sign-in");
        browser.find("#sign-in-form input[name=password]").clear();
        browser.find("#sign-in-form input[name=password]").sendKeys(Owner.PASSWORD, Keys.ENTER);

        browser.waitFor("back where the person was going", d -> d.getCurrentUrl().endsWith("/console/contexts"));
        assertThat(browser.waitVisible("#signed-in-as").getText()).contains(adminEmail).contains("admin");
        assertThat(browser.findAll("#console-nav a[data-nav]")).extracting(e -> e.getAttribute("data-nav"))
                .containsExactly("dashboards", "contexts", "embed", "owners", "api-keys", "audit");
        String token = (String) browser.js("return sessionStorage.getItem('dashshare.console.access-token')");
        assertThat(token).isNotBlank();
        assertThat(browser.driver().manage().getCookies()).isEmpty();

        browser.find("[data-nav=dashboards]").click();
        browser.waitFor("the list", d -> !browser.findAll("tr[data-dashboard=sales-overview] a").isEmpty());
        assertThat(heading()).isEqualTo("Dashboards");
        assertAccessible("dashboards");
        browser.screenshot("console-dashboards");
        browser.find("tr[data-dashboard=sales-overview] a").click();
        browser.waitFor("the owner preview ran", d -> !browser.findAll("section.dashboard[data-runs='1']").isEmpty());
        assertThat(browser.findAll("article.widget")).extracting(w -> w.getAttribute("data-visualization"))
                .containsExactly("number", "bar", "line", "table");
        assertThat(browser.findAll(".widget-error")).isEmpty();
        assertThat(browser.findAll(".filters .field")).extracting(f -> f.getAttribute("data-filter"))
                .containsExactly("period_start", "period_end", "status", "region");
        assertAccessible("dashboard page");
        browser.fullPageScreenshot("console-dashboard");
    }

    @Test
    void an_expired_or_refused_token_sends_the_person_to_sign_in_with_a_message() {
        signInAsAdmin();
        browser.js("sessionStorage.setItem('dashshare.console.access-token', 'eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl')");
        browser.open(service.baseUrl() + "/console/embed");
        assertThat(browser.waitVisible("#sign-in-notice").getText()).contains("session has ended");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/console/sign-in");
        assertThat(browser.js("return sessionStorage.getItem('dashshare.console.access-token')")).isNull();
        browser.find("#sign-in-form input[name=email]").sendKeys(adminEmail);
        browser.find("#sign-in-form input[name=password]").sendKeys(Owner.PASSWORD, Keys.ENTER);
        browser.waitFor("back on the page it was sent from", d -> d.getCurrentUrl().endsWith("/console/embed"));

        // Sign out: the token is refused by the API afterwards.
        String token = (String) browser.js("return sessionStorage.getItem('dashshare.console.access-token')");
        browser.waitVisible("#sign-out").click();
        browser.waitFor("signed out", d -> !browser.findAll("#sign-in-notice").isEmpty());
        assertThat(browser.find("#sign-in-notice").getText()).contains("signed out");
        assertThat(admin.as(token).get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void a_public_link_with_a_selectable_status_shows_only_the_allowed_options_and_once_revoked_is_refused() {
        signInAsAdmin();
        openDashboardPage();
        browser.find("#new-share").click();
        WebElement name = browser.waitVisible("#share-dialog input[name=name]");
        name.clear();
        name.sendKeys("Selectable statuses");
        assertAccessible("share dialog");
        browser.find("[data-policy=status] input[data-mode=selectable]").click();
        browser.waitFor("the status options from the dashboard's SQL",
                d -> browser.findAll("[data-policy=status] .picker-options input").size() == 4);
        browser.find("[data-policy=status] input[data-value='\"Active\"']").click();
        browser.find("[data-policy=status] input[data-value='\"Pending\"']").click();
        browser.fullPageScreenshot("console-share-dialog");
        browser.find("#create-share").click();

        String url = browser.waitVisible("#share-dialog input[data-copy]").getAttribute("value");
        assertThat(url).startsWith(service.baseUrl() + "/s/");
        browser.screenshot("console-share-created");
        JsonNode share = shareNamed("Selectable statuses");
        assertThat(share.get("share_filter_policies")).hasSize(1);
        assertThat(share.get("share_filter_policies").get(0).get("allowed_values")).extracting(JsonNode::asText)
                .containsExactly("Active", "Pending");
        browser.find("#share-done").click();
        assertThat(shareRow(share.get("id").asText()).getText()).contains("Status: selectable (Active, Pending)").contains("Active");
        assertThat(browser.findAll("#share-dialog")).as("the URL is not shown again").isEmpty();
        assertThat(browser.find("main").getText()).doesNotContain(url);

        String console = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.open(url);
        browser.waitFor("the shared dashboard ran", d -> !browser.findAll("section.dashboard[data-runs='1']").isEmpty());
        browser.waitFor("the allowed statuses only", d -> viewerOptionLabels("status").equals(List.of("Active", "Pending")));
        String viewer = browser.driver().getWindowHandle();

        browser.driver().switchTo().window(console);
        shareRow(share.get("id").asText()).findElement(org.openqa.selenium.By.cssSelector("[data-action=revoke]")).click();
        confirm();
        browser.waitFor("listed as revoked", d -> "revoked".equals(shareRow(share.get("id").asText()).getAttribute("data-status")));

        browser.driver().switchTo().window(viewer);
        browser.driver().navigate().refresh();
        browser.waitFor("the viewer page refuses the link", d -> !browser.findAll("[data-state=token-invalid]").isEmpty());
        assertThat(heading()).isEqualTo("This link does not work any more");
        // The viewer page's refused resolve is the point of this test: its console line is expected.
        browser.consoleErrors(true);
        browser.driver().switchTo().window(console);
    }

    @Test
    void a_link_bound_to_a_share_context_asks_its_viewers_to_sign_in() {
        String contextId = admin.createContext("Bound " + UUID.randomUUID().toString().substring(0, 6));
        signInAsAdmin();
        openDashboardPage();
        browser.find("#new-share").click();
        WebElement name = browser.waitVisible("#share-dialog input[name=name]");
        name.clear();
        name.sendKeys("Context link");
        browser.find("#share-dialog input[value=context]").click();
        new Select(browser.find("#share-dialog .audience select")).selectByValue(contextId);
        browser.find("#create-share").click();
        String url = browser.waitVisible("#share-dialog input[data-copy]").getAttribute("value");
        assertThat(shareNamed("Context link").get("share_context_id").asText()).isEqualTo(contextId);
        browser.find("#share-done").click();
        browser.open(url);
        browser.waitFor("the sign-in state", d -> !browser.findAll("[data-state=auth-required]").isEmpty());
        assertThat(browser.find("main a").getAttribute("href")).endsWith("/portal/" + admin.companySlug());
        browser.consoleErrors(true);
    }

    @Test
    void a_share_is_created_with_the_keyboard_alone() {
        signInAsAdmin();
        openDashboardPage();
        browser.js("document.activeElement.blur(); window.scrollTo(0, 0)");
        tabTo("#new-share");
        press(Keys.ENTER);
        browser.waitFor("the dialog, focus on its name", d -> Boolean.TRUE.equals(
                browser.js("return document.activeElement.name === 'name' && !!document.activeElement.closest('dialog[open]')")));
        // The proposed name is selected: typing replaces it.
        press("Keyboard share");
        tabTo("[data-policy=status] input[data-mode=free]");
        press(Keys.ARROW_RIGHT);
        browser.waitFor("the allowed values", d -> browser.findAll("[data-policy=status] .picker-options input").size() == 4);
        tabTo("[data-policy=status] input[data-value='\"Closed\"']");
        press(Keys.SPACE);
        tabTo("[data-policy=region] input[data-mode=free]");
        press(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        tabTo("#share-dialog input[name=downloads]");
        press(Keys.SPACE);
        tabTo("#create-share");
        press(Keys.ENTER);
        browser.waitFor("the URL, focused", d -> Boolean.TRUE.equals(browser.js("return document.activeElement.matches('#share-dialog input[data-copy]')")));
        press(Keys.ESCAPE);
        browser.waitFor("the dialog closed", d -> browser.findAll("dialog[open]").isEmpty());

        JsonNode share = shareNamed("Keyboard share");
        assertThat(share.get("downloads").asBoolean()).isTrue();
        assertThat(share.get("share_filter_policies").toString())
                .contains("{\"filter_slug\":\"status\",\"filter_kind\":\"multi_select\",\"mode\":\"selectable\",\"allowed_values\":[\"Closed\"]}")
                .contains("{\"filter_slug\":\"region\",\"filter_kind\":\"select\",\"mode\":\"disabled\"}");
    }

    @Test
    void a_dashboard_document_refused_by_the_api_is_shown_at_the_offending_member() {
        signInAsAdmin();
        openConsole("/console/dashboards/new");
        WebElement area = browser.waitVisible("#dashboard-json");
        browser.js("const d = JSON.parse(arguments[0].value); d.slug = 'console-made-' + Date.now();"
                + " d.widgets[0].sql = 'select :nope'; arguments[0].value = JSON.stringify(d, null, 2)", area);
        browser.find("form.editor-form button[type=submit]").click();
        assertThat(browser.waitVisible("#dashboard-json-error").getText()).contains("widgets[0].sql").contains(":nope");
        assertThat(browser.find("#dashboard-json-where").getText()).contains("widgets[0].sql").contains("line");
        assertThat(browser.js("const a = arguments[0]; return a.value.slice(a.selectionStart, a.selectionEnd)", area))
                .isEqualTo("\"sql\": \"select :nope\"");
        assertThat(area.getAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible("editor");
        browser.screenshot("console-editor-error");

        browser.js("const d = JSON.parse(arguments[0].value); d.widgets[0].sql = 'select 1 as one'; arguments[0].value = JSON.stringify(d, null, 2)", area);
        browser.find("form.editor-form button[type=submit]").click();
        browser.waitFor("the new dashboard's page", d -> d.getCurrentUrl().matches(".*/console/dashboards/[0-9a-f-]{36}$"));
        browser.waitFor("its preview", d -> !browser.findAll("section.dashboard[data-runs='1']").isEmpty());
        assertThat(heading()).isEqualTo("New dashboard");
        browser.consoleErrors(false);
    }

    @Test
    void a_share_context_gets_a_domain_member_and_a_public_mail_domain_is_refused_at_the_field() {
        signInAsAdmin();
        openConsole("/console/contexts");
        String name = "Customer " + UUID.randomUUID().toString().substring(0, 6);
        browser.waitVisible("#new-context input[name=name]").sendKeys(name, Keys.ENTER);
        browser.waitFor("the context's page", d -> d.getCurrentUrl().matches(".*/console/contexts/[0-9a-f-]{36}$"));
        browser.waitFor("its heading", d -> heading().equals(name));
        new Select(browser.waitVisible("#add-member select[name=member_type]")).selectByValue("email_domain");
        WebElement domain = browser.find("#add-member input[name=domain]");
        domain.sendKeys("gmail.com", Keys.ENTER);
        browser.waitFor("refused at the field", d -> domain.getAttribute("aria-invalid") != null);
        assertThat(browser.find("#add-member .field--invalid .field-error").getText()).contains("public email provider");
        domain.clear();
        domain.sendKeys("customer-" + admin.companySlug() + ".example", Keys.ENTER);
        browser.waitFor("the member listed", d -> browser.find("#members table").getText()
                .contains("anyone@customer-" + admin.companySlug() + ".example"));
        assertThat(browser.find("#members table").getText()).contains("Whole domain");
        assertAccessible("context");
        browser.fullPageScreenshot("console-context");

        String contextId = browser.driver().getCurrentUrl().replaceAll(".*/", "");
        JsonNode members = Owner.expect(200, admin.get("/api/v1/share-contexts/" + contextId + "/members")).json().get("members");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("member_type").asText()).isEqualTo("email_domain");

        // Renamed in place.
        WebElement rename = browser.find("section[aria-labelledby=context-settings-title] input[name=name]");
        rename.clear();
        rename.sendKeys(name + " (renamed)", Keys.ENTER);
        browser.waitFor("renamed", d -> heading().equals(name + " (renamed)"));
        assertThat(Owner.expect(200, admin.get("/api/v1/share-contexts/" + contextId)).json().get("name").asText())
                .isEqualTo(name + " (renamed)");
    }

    @Test
    void an_embed_key_secret_is_shown_once_and_the_node_snippet_signs_a_token_the_embed_page_accepts() throws Exception {
        signInAsAdmin();
        openConsole("/console/embed");
        browser.waitVisible("#create-key").click();
        String secret = browser.waitVisible("#key-once input[data-copy]").getAttribute("value");
        String kid = browser.find("#key-once h3").getText().replace("New key ", "");
        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        browser.waitFor("the key listed", d -> !browser.findAll("#embed-keys tr[data-kid='" + kid + "']").isEmpty());
        assertAccessible("embed");
        browser.fullPageScreenshot("console-embed-key");

        browser.waitVisible("[data-param=status] input[data-param=allowed]").click();
        browser.find("[data-param=region] input[data-param=fixed]").click();
        browser.waitVisible("[data-param=region] input[data-value='\"west\"']").click();
        browser.find("#mint-token").click();
        String node = browser.waitVisible("[data-snippet=node] textarea").getAttribute("value");
        assertThat(node).contains(kid).contains(dashboardId).contains("\"" + admin.companySlug() + "\"").doesNotContain(secret);
        assertThat(browser.find("[data-snippet=java] textarea").getAttribute("value")).contains(kid).contains(dashboardId);
        assertThat(browser.find("[data-snippet=python] textarea").getAttribute("value")).contains(kid).contains(dashboardId);
        String minted = browser.find("#token-result input[data-copy]").getAttribute("value");
        assertThat(browser.find("#token-result").getText()).contains("Your embed");
        browser.fullPageScreenshot("console-embed-minted");

        // Reloaded, the page shows the key but never its secret again.
        openConsole("/console/embed");
        browser.waitFor("the key listed", d -> !browser.findAll("#embed-keys tr[data-kid='" + kid + "']").isEmpty());
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);

        String signedByNode = runNodeSnippet(node, secret);
        String signedByNimbus = signWithNimbus(claimsOf(signedByNode), kid, secret);
        for (String url : List.of(minted, signedByNode, service.baseUrl() + "/embed/d/" + signedByNimbus)) {
            browser.open(url);
            browser.waitFor("the embed ran: " + url, d -> !browser.findAll("section.dashboard[data-runs='1']").isEmpty());
            assertThat(browser.findAll(".widget-error")).isEmpty();
            // The visitor may set the status; the region is fixed by the token, shown locked.
            assertThat(browser.findAll(".filters .field")).extracting(f -> f.getAttribute("data-filter") + ":" + f.getAttribute("data-mode"))
                    .containsExactly("status:free", "region:fixed");
            assertThat(browser.find("[data-filter=region] input").getAttribute("value")).isEqualTo("West");
        }
        browser.screenshot("console-embed-signed-by-snippet");
    }

    /**
     * Runs the console's Node.js snippet with {@code node} and npm's real jose, installed into the
     * snippet's directory as a developer would ({@code npm install jose}); only where no npm registry
     * answers does it fall back to the stand-in in test resources, which the nimbus cross-check below
     * keeps honest. Answers the URL the snippet prints.
     */
    private static String runNodeSnippet(String snippet, String secret) throws Exception {
        Path dir = Files.createTempDirectory("console-snippet-");
        try {
            Files.writeString(dir.resolve("sign-embed.mjs"), snippet);
            try {
                Run install = run(dir, Map.of(), "npm", "install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error", "jose@6");
                if (install.exitCode() != 0) {
                    System.err.println("ConsoleBrowserTest: npm install jose failed, the Node snippet runs on the stand-in: " + install.output());
                }
            } catch (IOException noNpm) {
                System.err.println("ConsoleBrowserTest: no npm here, the Node snippet runs on the stand-in");
            }
            if (run(dir, Map.of(), "node", "--input-type=module", "-e", "await import('jose')").exitCode() != 0) {
                Path jose = Files.createDirectories(dir.resolve("node_modules").resolve("jose"));
                Files.writeString(jose.resolve("package.json"), "{\"name\": \"jose\", \"type\": \"module\", \"main\": \"index.js\"}");
                try (InputStream in = ConsoleBrowserTest.class.getResourceAsStream("/console/jose-stand-in.mjs")) {
                    Files.write(jose.resolve("index.js"), in.readAllBytes());
                }
            }
            Run signed = run(dir, Map.of("EMBED_SECRET", secret), "node", "sign-embed.mjs");
            assertThat(signed.exitCode()).as(signed.output()).isZero();
            String url = signed.output().trim();
            assertThat(url).startsWith(service.baseUrl() + "/embed/d/");
            return url;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), output);
    }

    private static JsonNode claimsOf(String embedUrl) throws IOException {
        String token = embedUrl.substring(embedUrl.lastIndexOf('/') + 1);
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    /** The same claims, signed by nimbus-jose-jwt with the key shown once (docs/embedding.md, Java). */
    @SuppressWarnings("unchecked")
    private static String signWithNimbus(JsonNode claims, String kid, String secret) throws Exception {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
        JWTClaimsSet parsed = JWTClaimsSet.parse(JSON.convertValue(claims, Map.class));
        parsed.getClaims().forEach(set::claim);
        set.jwtID(UUID.randomUUID().toString());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("embed+jwt")).keyID(kid).build(), set.build());
        jwt.sign(new MACSigner(Base64.getUrlDecoder().decode(secret)));
        return jwt.serialize();
    }

    @Test
    void an_editor_sees_no_admin_page_and_an_admin_page_opened_by_address_says_so() {
        String email = "editor-" + UUID.randomUUID().toString().substring(0, 6) + "@" + admin.companySlug() + ".test";
        Owner editor = admin.invite(email, "editor");
        signIn(email, Owner.PASSWORD);
        assertThat(browser.find("#signed-in-as").getText()).contains("editor");
        assertThat(browser.findAll("#console-nav a[data-nav]")).extracting(e -> e.getAttribute("data-nav"))
                .containsExactly("dashboards", "contexts", "embed");
        assertThat(browser.find("#console-nav").getText()).doesNotContain("Owners").doesNotContain("API keys").doesNotContain("Audit");
        for (String page : List.of("owners", "api-keys", "audit")) {
            openConsole("/console/admin/" + page);
            assertThat(heading()).isEqualTo("For admins only");
        }
        // The API refuses the editor anyway.
        assertThat(editor.get("/api/v1/owners").status()).isEqualTo(403);
        assertThat(editor.get("/api/v1/api-keys").status()).isEqualTo(403);
        // An editor mints tokens but creates no signing key.
        openConsole("/console/embed");
        browser.waitVisible("#mint-token");
        assertThat(browser.findAll("#create-key")).isEmpty();
    }

    @Test
    void an_admin_invites_an_owner_changes_a_role_and_creates_an_api_key_shown_once() {
        signInAsAdmin();
        openConsole("/console/admin/owners");
        String email = "invitee-" + UUID.randomUUID().toString().substring(0, 6) + "@" + admin.companySlug() + ".test";
        browser.waitVisible("#invite-owner input[name=email]").sendKeys(email);
        new Select(browser.find("#invite-owner select[name=role]")).selectByValue("viewer");
        browser.find("#invite-owner button[type=submit]").click();
        assertThat(browser.waitVisible("#invite-once input[data-copy]").getAttribute("value")).contains("/console/invite#");
        WebElement row = browser.waitVisible("tr[data-owner='" + email + "']");
        assertThat(row.getText()).contains("invited");
        new Select(row.findElement(org.openqa.selenium.By.cssSelector("select"))).selectByValue("editor");
        row.findElement(org.openqa.selenium.By.cssSelector("button[aria-label^='Change the role']")).click();
        browser.waitFor("the role changed", d -> "editor".equals(roleOf(email)));
        assertAccessible("owners");
        browser.fullPageScreenshot("console-owners");

        openConsole("/console/admin/api-keys");
        browser.waitVisible("#new-api-key input[name=name]").sendKeys("ci of the console test", Keys.ENTER);
        String key = browser.waitVisible("#api-key-once input[data-copy]").getAttribute("value");
        assertThat(key).startsWith("dsk_");
        assertThat(admin.as(key).get("/api/v1/dashboards").status()).isEqualTo(200);
        browser.waitFor("listed", d -> !browser.findAll("tr[data-key='ci of the console test']").isEmpty());
        browser.find("tr[data-key='ci of the console test'] button").click();
        confirm();
        browser.waitFor("revoked", d -> admin.as(key).get("/api/v1/dashboards").status() == 401);
        assertAccessible("api keys");
    }

    private static String roleOf(String email) {
        for (JsonNode owner : Owner.expect(200, admin.get("/api/v1/owners")).json().get("owners")) {
            if (owner.get("email").asText().equals(email)) {
                return owner.get("role").asText();
            }
        }
        return null;
    }

    @Test
    void the_audit_log_lists_the_events_of_a_share_and_downloads_them_as_csv() {
        JsonNode share = admin.linkShare(dashboardId, "");
        String token = share.get("token").asText();
        Owner.expect(200, admin.api().get("/api/v1/public/shares/" + token + "/resolve"));
        signInAsAdmin();
        openConsole("/console/admin/audit?share_id=" + share.get("id").asText());
        browser.waitFor("the share's events within 5 s", Duration.ofSeconds(10), d -> {
            if (browser.findAll("#audit-events tr[data-event='share.resolved']").isEmpty()) {
                browser.find("#audit-filters button[type=submit]").click();
                return false;
            }
            return true;
        });
        assertThat(browser.findAll("#audit-events tbody tr")).extracting(r -> r.getAttribute("data-event"))
                .contains("share.created", "share.resolved");
        assertAccessible("audit log");
        browser.fullPageScreenshot("console-audit");
        browser.clearDownloads();
        browser.find("#audit-csv").click();
        browser.waitFor("a CSV", Duration.ofSeconds(20), d -> {
            try (Stream<Path> files = Files.list(browser.downloads())) {
                return files.anyMatch(p -> p.toString().endsWith(".csv"));
            } catch (IOException e) {
                return false;
            }
        });
    }
}
