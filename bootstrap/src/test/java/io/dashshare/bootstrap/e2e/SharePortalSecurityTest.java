package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.ApiAssertions.assertError;
import static io.dashshare.bootstrap.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.TestService;
import io.dashshare.bootstrap.testing.Owner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's attacks over HTTP with GreenMail as the SMTP server: no enumeration, the fifth wrong
 * try burns the code, one winner among concurrent verifies, refresh rotation with reuse
 * detection, membership read on every request, tokens bound to their company and their flow, and
 * no code in any log line. (Expiry is a unit test with an injected clock.)
 */
class SharePortalSecurityTest {

    private static Owner owner;
    private static String dashboardId;

    @BeforeAll
    static void demo() {
        owner = Owner.acme();
        dashboardId = owner.salesOverviewId();
    }

    @Test
    void request_code_answers_a_member_a_stranger_and_an_unknown_company_with_identical_bytes() {
        String member = Portal.newEmail("member");
        Portal.member(owner, dashboardId, member);
        String unshared = Portal.newEmail("unshared");
        owner.addMember(owner.createContext("No share"), unshared);
        String stranger = Portal.newEmail("stranger");

        Reply toMember = Portal.request("acme", member);
        Reply toUnshared = Portal.request("acme", unshared);
        Reply toStranger = Portal.request("acme", stranger);
        Reply toNoCompany = Portal.request("no-such-company-" + System.nanoTime() % 1000, stranger);

        for (Reply reply : List.of(toMember, toUnshared, toStranger, toNoCompany)) {
            assertThat(reply.status()).as("%s", reply).isEqualTo(202);
            assertThat(reply.body()).isEqualTo(toMember.body());
            assertThat(reply.header("Content-Type")).isEqualTo(toMember.header("Content-Type"));
            assertThat(reply.header("Content-Length")).isEqualTo(toMember.header("Content-Length"));
        }
        assertThat(toMember.body()).doesNotContain("request_id");
        assertThat(TestService.shared().latestCodeFor(member)).matches("\\d{4}-\\d{4}");
        assertThat(TestService.shared().mailsTo(unshared)).isZero();
        assertThat(TestService.shared().mailsTo(stranger)).isZero();
    }

    @Test
    void after_five_wrong_codes_even_the_right_one_fails_and_a_new_code_works() {
        String email = Portal.newEmail("brute");
        Portal.member(owner, dashboardId, email);
        String code = Portal.requestCode("acme", email);

        for (int i = 1; i <= 5; i++) {
            assertError(Portal.verify("acme", email, wrong(code, i)), 401, "CODE_INVALID");
        }
        Reply sixth = Portal.verify("acme", email, code);

        assertError(sixth, 401, "CODE_INVALID");
        String next = Portal.requestCode("acme", email);
        assertThat(Portal.verify("acme", email, next.replace("-", "")).status()).isEqualTo(200);
    }

    @Test
    void of_twenty_concurrent_verifies_of_one_code_exactly_one_succeeds() throws Exception {
        String email = Portal.newEmail("race");
        Portal.member(owner, dashboardId, email);
        String code = Portal.requestCode("acme", email);
        assertThat(successesOfConcurrent(20, () -> Portal.verify("acme", email, code), "CODE_INVALID")).isEqualTo(1);
    }

    @Test
    void refresh_rotates_and_a_replayed_refresh_token_revokes_the_whole_family() {
        String email = Portal.newEmail("refresh");
        Portal.member(owner, dashboardId, email);
        // A newer request replaces the older code (docs/security.md#attack-5).
        String replaced = Portal.requestCode("acme", email);
        String code = Portal.requestCode("acme", email);
        assertError(Portal.verify("acme", email, replaced), 401, "CODE_INVALID");
        Reply verified = Portal.verify("acme", email, code);
        assertThat(verified.status()).as("%s", verified).isEqualTo(200);
        JsonNode first = verified.json();
        String r1 = first.get("refresh_token").asText();

        Reply rotated = refresh(r1);
        assertThat(rotated.status()).as("%s", rotated).isEqualTo(200);
        String a2 = rotated.json().get("access_token").asText();
        String r2 = rotated.json().get("refresh_token").asText();
        assertThat(r2).isNotEqualTo(r1);
        assertThat(listDashboards(a2).status()).isEqualTo(200);

        assertError(refresh(r1), 401, "TOKEN_INVALID");

        assertError(refresh(r2), 401, "TOKEN_INVALID");
        assertError(listDashboards(a2), 401, "TOKEN_INVALID");
        assertError(listDashboards(first.get("access_token").asText()), 401, "TOKEN_INVALID");
    }

    @Test
    void of_ten_concurrent_refreshes_with_one_refresh_token_at_most_one_succeeds() throws Exception {
        String email = Portal.newEmail("refresh-race");
        Portal.member(owner, dashboardId, email);
        String refreshToken = Portal.signIn("acme", email).get("refresh_token").asText();
        assertThat(successesOfConcurrent(10, () -> refresh(refreshToken), "TOKEN_INVALID")).isLessThanOrEqualTo(1);
    }

    /** Sends {@code count} calls at once; every one that fails must fail with {@code refusal}. */
    private static int successesOfConcurrent(int count, Callable<Reply> call, String refusal) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            int ok = 0;
            for (Future<Reply> reply : replies) {
                Reply r = reply.get();
                if (r.status() == 200) {
                    ok++;
                } else {
                    assertError(r, 401, refusal);
                }
            }
            return ok;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void logout_revokes_the_access_token_and_the_refresh_token() {
        String email = Portal.newEmail("logout");
        Portal.member(owner, dashboardId, email);
        JsonNode tokens = Portal.signIn("acme", email);
        String access = tokens.get("access_token").asText();
        assertThat(listDashboards(access).status()).isEqualTo(200);

        Reply logout = Portal.post("/api/v1/share-auth/logout", "{}", access);

        assertThat(logout.status()).isEqualTo(204);
        assertError(listDashboards(access), 401, "TOKEN_INVALID");
        assertError(refresh(tokens.get("refresh_token").asText()), 401, "TOKEN_INVALID");
        // docs/security.md#attack-10: a token in the query string is ignored.
        assertError(Portal.api().get("/api/v1/share-portal/acme/dashboards?access_token=" + access), 401,
                "TOKEN_INVALID");
    }

    @Test
    void removing_a_member_or_deleting_a_context_cuts_a_live_token_at_once() {
        String email = Portal.newEmail("removed");
        String first = Portal.member(owner, dashboardId, email);
        String second = Portal.member(owner, dashboardId, email);
        JsonNode tokens = Portal.signIn("acme", email);
        String access = tokens.get("access_token").asText();
        assertThat(execute(access, first).status()).isEqualTo(200);
        assertThat(execute(access, second).status()).isEqualTo(200);

        String memberId = owner.get("/api/v1/share-contexts/" + first + "/members").json()
                .get("members").get(0).get("id").asText();
        assertThat(owner.send("DELETE", "/api/v1/share-contexts/" + first + "/members/" + memberId, null).status())
                .isEqualTo(204);

        assertError(execute(access, first), 400, "INVALID_CONTEXT_ID");
        assertError(Portal.get("/api/v1/share-portal/acme/dashboards/sales-overview/filters/region/options?context_id="
                + first, access), 400, "INVALID_CONTEXT_ID");
        assertThat(execute(access, second).status()).isEqualTo(200);
        assertThat(contextsListed(access)).containsExactly(second);

        assertThat(owner.send("DELETE", "/api/v1/share-contexts/" + second, null).status()).isEqualTo(204);

        // Removed from every context: the token and its whole session end at once.
        assertError(execute(access, second), 401, "TOKEN_INVALID");
        assertError(listDashboards(access), 401, "TOKEN_INVALID");
        assertError(refresh(tokens.get("refresh_token").asText()), 401, "TOKEN_INVALID");
    }

    @Test
    void a_code_or_a_token_of_one_company_opens_nothing_at_another() {
        Owner globex = Owner.newCompany("globex");
        String email = Portal.newEmail("both");
        Portal.member(owner, dashboardId, email);
        Portal.member(globex, globex.salesOverviewId(), email);
        String bob = Portal.newEmail("bob");
        Portal.member(owner, dashboardId, bob);

        String acmeCode = Portal.requestCode("acme", email);
        assertError(Portal.verify(globex.companySlug(), email, acmeCode), 401, "CODE_INVALID");
        assertError(Portal.verify("acme", bob, acmeCode), 401, "CODE_INVALID");
        Reply acmeTokens = Portal.verify("acme", email, acmeCode);
        assertThat(acmeTokens.status()).as("%s", acmeTokens).isEqualTo(200);
        String acmeAccess = acmeTokens.json().get("access_token").asText();
        String globexAccess = Portal.signIn(globex.companySlug(), email).get("access_token").asText();

        assertThat(listDashboards(acmeAccess).status()).isEqualTo(200);
        assertThat(Portal.get("/api/v1/share-portal/" + globex.companySlug() + "/dashboards", globexAccess).status())
                .isEqualTo(200);
        assertError(Portal.get("/api/v1/share-portal/" + globex.companySlug() + "/dashboards", acmeAccess), 401,
                "TOKEN_INVALID");
        assertError(listDashboards(globexAccess), 401, "TOKEN_INVALID");
        String globexContext = contextsListed(globexAccess, globex.companySlug()).get(0);
        assertError(Portal.post("/api/v1/share-portal/" + globex.companySlug() + "/dashboards/sales-overview/execute",
                "{\"context_id\": \"" + globexContext + "\", \"parameters\": {}}", acmeAccess), 401, "TOKEN_INVALID");
        assertError(Portal.post("/api/v1/share-portal/acme/dashboards/sales-overview/execute",
                "{\"context_id\": \"" + globexContext + "\", \"parameters\": {}}", acmeAccess), 400,
                "INVALID_CONTEXT_ID");
    }

    @Test
    void owner_embed_and_refresh_tokens_are_refused_on_portal_routes_and_share_access_tokens_elsewhere() {
        String email = Portal.newEmail("crossing");
        String context = Portal.member(owner, dashboardId, email);
        JsonNode tokens = Portal.signIn("acme", email);
        String shareAccess = tokens.get("access_token").asText();
        String embed = owner.embedToken(dashboardId, "{}");
        String base = "/api/v1/share-portal/acme/dashboards";

        for (String foreign : List.of(owner.accessToken(), embed, tokens.get("refresh_token").asText())) {
            assertError(Portal.get(base, foreign), 401, "TOKEN_INVALID");
            assertError(Portal.get(base + "/sales-overview?context_id=" + context, foreign), 401, "TOKEN_INVALID");
            assertError(Portal.post(base + "/sales-overview/execute",
                    "{\"context_id\": \"" + context + "\", \"parameters\": {}}", foreign), 401, "TOKEN_INVALID");
            assertError(Portal.get(base + "/sales-overview/filters/status/options?context_id=" + context, foreign),
                    401, "TOKEN_INVALID");
        }
        assertError(Portal.api().get(base), 401, "TOKEN_INVALID");

        assertError(Portal.api().get("/api/v1/dashboards", "Authorization", bearer(shareAccess)), 401, "TOKEN_INVALID");
        assertError(Portal.api().post("/api/v1/dashboards/" + dashboardId + "/shares", "{\"name\": \"x\"}",
                "Authorization", bearer(shareAccess)), 401, "TOKEN_INVALID");
        assertError(Portal.api().get("/api/embed/d/" + shareAccess + "/info"), 401, "TOKEN_INVALID");
        assertError(Portal.api().post("/api/embed/d/" + shareAccess + "/execute", "{}"), 401, "TOKEN_INVALID");
        assertError(Portal.api().get("/api/v1/public/shares/" + shareAccess + "/resolve"), 401, "TOKEN_INVALID");
        assertThat(listDashboards(shareAccess).status()).isEqualTo(200);
    }

    @Test
    void the_code_and_the_tokens_never_appear_in_any_log_line() {
        String email = Portal.newEmail("logs");
        Portal.member(owner, dashboardId, email);
        List<String> lines;
        String code;
        JsonNode tokens;
        try (LogCapture capture = new LogCapture()) {
            code = Portal.requestCode("acme", email);
            assertError(Portal.verify("acme", email, wrong(code, 3)), 401, "CODE_INVALID");
            Reply verified = Portal.verify("acme", email, code);
            assertThat(verified.status()).isEqualTo(200);
            tokens = verified.json();
            assertThat(refresh(tokens.get("refresh_token").asText()).status()).isEqualTo(200);
            lines = capture.lines();
        }

        // The capture saw the requests (so an empty capture cannot pass) ...
        assertThat(lines).anyMatch(l -> l.contains("/api/v1/share-auth/request"))
                .anyMatch(l -> l.contains("/api/v1/share-auth/verify") && l.contains("status=401"))
                .anyMatch(l -> l.contains("/api/v1/share-auth/verify") && l.contains("status=200"));
        // ... and none of what was secret.
        for (String secret : List.of(code, code.replace("-", ""), wrong(code, 3),
                tokens.get("access_token").asText(), tokens.get("refresh_token").asText())) {
            assertThat(lines).as("log lines holding %s", secret).noneMatch(l -> l.contains(secret));
        }
    }

    /** A different, well-formed code: the right one with its i-th digit from the end changed. */
    private static String wrong(String code, int i) {
        char[] digits = code.toCharArray();
        int at = digits.length - i;
        if (digits[at] == '-') {
            at--;
        }
        digits[at] = (char) ('0' + (digits[at] - '0' + 1) % 10);
        return new String(digits);
    }

    private static Reply refresh(String refreshToken) {
        return Portal.api().post("/api/v1/share-auth/refresh", "{\"refresh_token\": \"" + refreshToken + "\"}");
    }

    private static Reply listDashboards(String access) {
        return Portal.get("/api/v1/share-portal/acme/dashboards", access);
    }

    private static Reply execute(String access, String context) {
        return Portal.post("/api/v1/share-portal/acme/dashboards/sales-overview/execute",
                "{\"context_id\": \"" + context + "\", \"parameters\": {}}", access);
    }

    private static List<String> contextsListed(String access) {
        return contextsListed(access, "acme");
    }

    private static List<String> contextsListed(String access, String slug) {
        List<String> ids = new ArrayList<>();
        Reply reply = Portal.get("/api/v1/share-portal/" + slug + "/dashboards", access);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        reply.json().get("dashboards").forEach(d -> d.get("contexts").forEach(c -> ids.add(c.get("id").asText())));
        return ids;
    }
}
