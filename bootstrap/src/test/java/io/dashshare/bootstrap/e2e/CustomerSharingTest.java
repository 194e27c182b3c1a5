package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import io.dashshare.bootstrap.testing.TestService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 against the running service with GreenMail as its SMTP server: whole customer domains,
 * member expiry, the owner's view of portal sessions, and signing out everywhere. Its own service,
 * because its code requests would otherwise spend the shared service's per-client budget that
 * the other portal suites count on.
 */
class CustomerSharingTest {

    private static TestService service;
    private static ApiClient api;
    private static Owner owner;
    private static String dashboardId;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of());
        api = service.api();
        owner = Owner.acme(api);
        dashboardId = owner.salesOverviewId();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static Reply request(String email) {
        return api.post("/api/v1/share-auth/request", "{\"company_slug\": \"acme\", \"email\": \"" + email + "\"}");
    }

    /** Code requested, read from the new mail and verified: the verify answer. */
    private static JsonNode signIn(String email) {
        long before = service.mailsTo(email);
        assertThat(request(email).status()).isEqualTo(202);
        Instant deadline = Instant.now().plusSeconds(10);
        while (service.mailsTo(email) == before && Instant.now().isBefore(deadline)) {
            sleep(25);
        }
        Reply verified = api.post("/api/v1/share-auth/verify", "{\"company_slug\": \"acme\", \"email\": \"" + email
                + "\", \"code\": \"" + service.latestCodeFor(email) + "\"}");
        assertThat(verified.status()).as("%s", verified).isEqualTo(200);
        return verified.json();
    }

    private static Reply dashboards(JsonNode tokens) {
        return api.get("/api/v1/share-portal/acme/dashboards", "Authorization",
                ApiClient.bearer(tokens.get("access_token").asText()));
    }

    private static String newDomain() {
        return "customer-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    /** A context admitting everyone at {@code domain}, with the demo dashboard shared to it. */
    private static String domainContext(String domain) {
        String context = owner.createContext("Everyone at " + domain);
        owner.addDomainMember(context, domain);
        owner.createShare(dashboardId, "{\"name\": \"Domain share\", \"share_type\": \"link\", \"share_context_id\": \""
                + context + "\"}");
        return context;
    }

    @Test
    void anyone_at_a_domain_member_gets_a_code_and_sees_the_dashboards_and_a_subdomain_gets_nothing() {
        String domain = newDomain();
        String context = domainContext(domain);

        JsonNode tokens = signIn("jane.doe@" + domain);
        Reply subdomain = request("jane@eu." + domain);
        Reply stranger = request(Portal.newEmail("stranger"));

        assertThat(tokens.get("contexts").get(0).get("id").asText()).isEqualTo(context);
        assertThat(dashboards(tokens).json().get("dashboards").get(0).get("slug").asText()).isEqualTo("sales-overview");
        assertThat(subdomain.status()).isEqualTo(202);
        assertThat(subdomain.body()).isEqualTo(stranger.body());
        sleep(1500);
        assertThat(service.mailsTo("jane@eu." + domain)).isZero();
    }

    @Test
    void a_free_mail_domain_is_refused_with_reason_public_email_domain() {
        String context = owner.createContext("Free mail");
        for (String domain : List.of("gmail.com", "GMX.de", "outlook.com", "yahoo.co.uk", "proton.me")) {
            Reply refused = owner.post("/api/v1/share-contexts/" + context + "/members",
                    "{\"member_type\": \"email_domain\", \"domain\": \"" + domain + "\"}");

            JsonNode error = assertError(refused, 400, "INVALID_REQUEST");
            assertThat(error.at("/details/field").asText()).isEqualTo("domain");
            assertThat(error.at("/details/reason").asText()).as(domain).isEqualTo("public_email_domain");
        }
        assertThat(owner.get("/api/v1/share-contexts/" + context + "/members").json().get("members")).isEmpty();
    }

    @Test
    void an_expired_member_gets_no_mail_and_its_open_session_stops_at_once() {
        String email = Portal.newEmail("expiring");
        String context = owner.createContext("Expiring");
        Instant expiry = Instant.now().plusSeconds(4);
        Owner.expect(201, owner.post("/api/v1/share-contexts/" + context + "/members",
                "{\"member_type\": \"external_email\", \"email\": \"" + email + "\", \"expires_at\": \"" + expiry + "\"}"));
        owner.createShare(dashboardId, "{\"name\": \"Until soon\", \"share_type\": \"link\", \"share_context_id\": \""
                + context + "\"}");
        JsonNode tokens = signIn(email);
        assertThat(dashboards(tokens).status()).isEqualTo(200);
        long mails = service.mailsTo(email);

        sleepUntil(expiry.plusMillis(300));

        assertError(dashboards(tokens), 401, "TOKEN_INVALID");
        assertThat(request(email).status()).isEqualTo(202);
        sleep(1500);
        assertThat(service.mailsTo(email)).isEqualTo(mails);
    }

    @Test
    void a_members_expiry_is_set_by_patch_and_cleared_by_null() {
        String context = owner.createContext("Patched");
        String member = owner.addMember(context, Portal.newEmail("patched"));
        String path = "/api/v1/share-contexts/" + context + "/members/" + member;

        Reply set = owner.send("PATCH", path, "{\"expires_at\": \"2099-01-01T00:00:00Z\"}");
        Reply cleared = owner.send("PATCH", path, "{\"expires_at\": null}");
        Reply past = owner.send("PATCH", path, "{\"expires_at\": \"2001-01-01T00:00:00Z\"}");

        assertThat(set.json().get("expires_at").asText()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(cleared.json().get("expires_at").isNull()).isTrue();
        assertThat(assertError(past, 400, "INVALID_REQUEST").at("/details/field").asText()).isEqualTo("expires_at");
    }

    @Test
    void owners_list_a_contexts_sessions_and_revoking_one_refuses_its_tokens_at_once() {
        String domain = newDomain();
        String context = domainContext(domain);
        JsonNode jane = signIn("jane@" + domain);
        JsonNode bob = signIn("bob@" + domain);

        JsonNode sessions = Owner.expect(200, owner.get("/api/v1/share-contexts/" + context + "/sessions")).json()
                .get("sessions");

        List<String> emails = new ArrayList<>();
        sessions.forEach(s -> emails.add(s.get("email").asText()));
        assertThat(emails).containsExactly("jane@" + domain, "bob@" + domain);
        JsonNode first = sessions.get(0);
        assertThat(first.has("created_at") && first.has("last_seen_at") && first.has("expires_at")).isTrue();

        Reply revoked = owner.send("DELETE", "/api/v1/share-contexts/" + context + "/sessions/" + first.get("id").asText(),
                null);

        assertThat(revoked.status()).isEqualTo(204);
        assertError(dashboards(jane), 401, "TOKEN_INVALID");
        assertError(api.post("/api/v1/share-auth/refresh",
                "{\"refresh_token\": \"" + jane.get("refresh_token").asText() + "\"}"), 401, "TOKEN_INVALID");
        assertThat(dashboards(bob).status()).isEqualTo(200);
        assertError(owner.send("DELETE", "/api/v1/share-contexts/" + context + "/sessions/" + UUID.randomUUID(), null),
                404, "NOT_FOUND");
    }

    @Test
    void sign_out_everywhere_ends_every_session_of_the_person_at_the_company() {
        String domain = newDomain();
        domainContext(domain);
        JsonNode laptop = signIn("jane@" + domain);
        JsonNode phone = signIn("jane@" + domain);
        JsonNode colleague = signIn("bob@" + domain);

        Reply out = api.post("/api/v1/share-auth/logout", "{\"everywhere\": true}",
                "Authorization", ApiClient.bearer(laptop.get("access_token").asText()));

        assertThat(out.status()).isEqualTo(204);
        assertError(dashboards(phone), 401, "TOKEN_INVALID");
        assertThat(dashboards(colleague).status()).isEqualTo(200);
    }

    private static void sleepUntil(Instant instant) {
        sleep(Math.max(0, Duration.between(Instant.now(), instant).toMillis()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
