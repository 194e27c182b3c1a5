package io.dashshare.bootstrap.browser;

import static io.dashshare.bootstrap.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.bootstrap.testing.Owner;
import io.dashshare.bootstrap.testing.TestService;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mailed invite link {@code /console/invite#<token>} in a real browser (docs/api.md, owners). */
class InviteBrowserTest {

    private static TestService service;
    private static Owner admin;
    private static Browser browser;

    @BeforeAll
    static void start() {
        service = TestService.shared();
        admin = Owner.newCompany("invitepage");
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String invite() {
        String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@" + admin.companySlug() + ".test";
        Owner.expect(201, admin.post("/api/v1/owners", "{\"email\": \"" + email + "\", \"role\": \"editor\"}"));
        return email;
    }

    private static void submit(String password, String confirmation) {
        browser.find("#invite-password").clear();
        browser.find("#invite-password").sendKeys(password);
        browser.find("#invite-confirm").clear();
        browser.find("#invite-confirm").sendKeys(confirmation);
        browser.find("form.auth-form button[type=submit]").click();
    }

    @Test
    void the_invited_owner_opens_the_mailed_link_is_told_why_a_weak_password_fails_and_sets_a_good_one() {
        String email = invite();
        String token = service.latestInviteTokenFor(email);

        browser.open(service.baseUrl() + "/console/invite#" + token);
        browser.waitVisible("#invite-password");
        assertThat(browser.driver().getCurrentUrl()).as("the token left the address bar").doesNotContain(token);
        assertThat(Accessibility.unlabelledControls(browser)).isEmpty();
        browser.screenshot("invite-form");

        submit("short", "short");
        assertThat(browser.waitVisible(".field-error").getText()).contains("12 characters");
        submit("password1234", "password1234");
        browser.waitFor("the API's refusal", d -> browser.find(".field-error").getText().contains("most common"));
        submit("harbour lantern at dusk", "harbour lantern at dusk");
        browser.waitFor("the welcome", d -> browser.find("h1").getText().equals("Your account is ready"));
        assertThat(browser.find("main").getText()).contains(email).contains("editor");
        browser.screenshot("invite-done");

        String stored = (String) browser.js("return sessionStorage.getItem('dashshare.console.access-token')");
        assertThat(service.api().get("/api/v1/auth/me", "Authorization", bearer(stored)).json().get("email").asText())
                .isEqualTo(email);
        assertThat(service.api().login(email, "harbour lantern at dusk")).isNotBlank();
    }

    @Test
    void a_used_or_missing_token_says_the_link_does_not_work() {
        browser.open(service.baseUrl() + "/console/invite#" + "x".repeat(43));
        browser.waitVisible("#invite-password");
        submit("harbour lantern at dusk", "harbour lantern at dusk");
        browser.waitFor("the refusal", d -> browser.find("h1").getText().equals("This invitation link does not work"));

        browser.open(service.baseUrl() + "/console/invite");
        browser.waitFor("the refusal", d -> browser.find("h1").getText().equals("This invitation link does not work"));
    }
}
