package io.dashshare.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.TestService;
import io.dashshare.bootstrap.testing.Owner;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** An external person's side of Flow 2: asking for a code, reading it from the mail, verifying it. */
final class Portal {

    private static ApiClient api;

    private Portal() {
    }

    /**
     * The external person's client. Requests for codes are throttled per client address, and every
     * test of this JVM calls from the loopback: these tests call from the IPv6 loopback when the
     * host has one, so that their requests never eat into the budget of other suites (or the
     * other way round). The throttle itself is not what these tests are about.
     */
    static synchronized ApiClient api() {
        if (api == null) {
            ApiClient v6 = new ApiClient(TestService.shared().baseUrl().replace("//localhost:", "//[::1]:"));
            api = answers(v6) ? v6 : PublicLinkPoliciesTest.viewer();
        }
        return api;
    }

    private static boolean answers(ApiClient client) {
        try {
            return client.get("/health").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A fresh address per test, so that tests never share codes, throttles or memberships. */
    static String newEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@viewer.example";
    }

    static Reply request(String companySlug, String email) {
        return api().post("/api/v1/share-auth/request",
                "{\"company_slug\": \"" + companySlug + "\", \"email\": \"" + email + "\"}");
    }

    static Reply verify(String companySlug, String email, String code) {
        return api().post("/api/v1/share-auth/verify",
                "{\"company_slug\": \"" + companySlug + "\", \"email\": \"" + email + "\", \"code\": \"" + code + "\"}");
    }

    /** Requests a code and answers it as the mail delivered it (waiting for a new mail, not an old one). */
    static String requestCode(String companySlug, String email) {
        long before = TestService.shared().mailsTo(email);
        Reply requested = request(companySlug, email);
        assertThat(requested.status()).as("%s", requested).isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (TestService.shared().mailsTo(email) == before && Instant.now().isBefore(deadline)) {
            sleep(25);
        }
        assertThat(TestService.shared().mailsTo(email)).as("mails to %s", email).isEqualTo(before + 1);
        return TestService.shared().latestCodeFor(email);
    }

    /** Code requested, read and verified: the verify answer (access and refresh token, contexts). */
    static JsonNode signIn(String companySlug, String email) {
        Reply verified = verify(companySlug, email, requestCode(companySlug, email));
        assertThat(verified.status()).as("%s", verified).isEqualTo(200);
        return verified.json();
    }

    static Reply get(String path, String accessToken) {
        return api().get(path, "Authorization", ApiClient.bearer(accessToken));
    }

    static Reply post(String path, String body, String accessToken) {
        return api().post(path, body, "Authorization", ApiClient.bearer(accessToken));
    }

    /** A member of a new context of the owner's company, with a live share of the given dashboard. */
    static String member(Owner owner, String dashboardId, String email) {
        String context = owner.createContext("Context of " + email);
        owner.addMember(context, email);
        owner.createShare(dashboardId, "{\"name\": \"Portal share\", \"share_type\": \"link\", \"share_context_id\": \""
                + context + "\"}");
        return context;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
