package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.ApiAssertions.assertError;
import static io.dashshare.bootstrap.e2e.ApiAssertions.withoutRequestId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md, tenant isolation: everything an owner touches is scoped to the owner's company;
 * another company's id is 404, never 403 and never its data. Checked both ways between two
 * companies a platform made through the operator API, for their people and their API keys.
 */
class TenantIsolationTest {

    private static Owner acme;
    private static Owner globex;
    private static Ids acmeIds;
    private static Ids globexIds;

    @BeforeAll
    static void twoCompanies() {
        acme = Owner.newCompany("initech");
        globex = Owner.newCompany("globex");
        acmeIds = Ids.of(acme);
        globexIds = Ids.of(globex);
    }

    @Test
    void the_other_companys_ids_are_404_to_acmes_owner() {
        assertEveryRouteIs404(acme, globexIds);
    }

    @Test
    void acmes_ids_are_404_to_the_other_companys_owner() {
        assertEveryRouteIs404(globex, acmeIds);
    }

    @Test
    void each_owner_lists_only_its_own_dashboards_contexts_and_keys() {
        assertThat(ids(acme.get("/api/v1/dashboards").json().get("dashboards"))).contains(acmeIds.dashboard)
                .doesNotContain(globexIds.dashboard);
        assertThat(ids(globex.get("/api/v1/dashboards").json().get("dashboards"))).containsExactly(globexIds.dashboard);
        assertThat(ids(globex.get("/api/v1/share-contexts").json().get("share_contexts")))
                .containsExactly(globexIds.context);
        assertThat(globex.get("/api/v1/company").json().get("slug").asText()).isEqualTo(globex.companySlug());
        assertThat(acme.get("/api/v1/company").json().get("slug").asText()).isEqualTo(acme.companySlug());
        assertThat(ids(globex.get("/api/v1/owners").json().get("owners"))).contains(globexIds.owner)
                .doesNotContain(acmeIds.owner);
        assertThat(ids(globex.get("/api/v1/api-keys").json().get("api_keys"))).contains(globexIds.apiKey)
                .doesNotContain(acmeIds.apiKey);
    }

    @Test
    void an_api_key_of_one_company_reaches_nothing_of_the_other() {
        String key = globex.post("/api/v1/api-keys", "{\"name\": \"admin key\", \"role\": \"admin\"}").json()
                .get("key").asText();
        assertEveryRouteIs404(globex.as(key), acmeIds);
    }

    @Test
    void nothing_the_refused_requests_aimed_at_changed() {
        assertEveryRouteIs404(acme, globexIds);
        assertThat(globex.get("/api/v1/dashboards/" + globexIds.dashboard).status()).isEqualTo(200);
        assertThat(globex.get("/api/v1/shares/" + globexIds.share).json().get("status").asText()).isEqualTo("active");
        assertThat(globex.get("/api/v1/share-contexts/" + globexIds.context + "/members").json().get("members"))
                .hasSize(1);
        assertThat(globex.get("/api/v1/dashboards/" + globexIds.dashboard).json()
                .get("embed_tokens_not_before").isNull()).isTrue();
        assertThat(globex.get("/api/v1/owners").json().get("owners").findValuesAsText("role")).contains("editor");
        assertThat(globex.get("/api/v1/api-keys").json().get("api_keys").get(0).get("revoked_at").isNull()).isTrue();
    }

    private static void assertEveryRouteIs404(Owner caller, Ids foreign) {
        String d = "/api/v1/dashboards/" + foreign.dashboard;
        String s = "/api/v1/shares/" + foreign.share;
        String c = "/api/v1/share-contexts/" + foreign.context;
        String document = Owner.demoDashboardDocument();
        List<String[]> routes = List.of(
                new String[] {"GET", d, null},
                new String[] {"PUT", d, document},
                new String[] {"POST", d + "/execute", "{\"parameters\": {}}"},
                new String[] {"GET", d + "/filters/status/options", null},
                new String[] {"GET", d + "/shares", null},
                new String[] {"POST", d + "/shares", "{\"name\": \"steal\", \"share_type\": \"link\"}"},
                new String[] {"POST", "/api/v1/embed/dashboards/" + foreign.dashboard, "{}"},
                new String[] {"POST", "/api/v1/embed/dashboards/" + foreign.dashboard + "/revoke-tokens", "{}"},
                new String[] {"GET", s, null},
                new String[] {"PATCH", s, "{\"name\": \"renamed\"}"},
                new String[] {"POST", s + "/rotate-token", null},
                new String[] {"GET", c, null},
                new String[] {"PATCH", c, "{\"name\": \"renamed\"}"},
                new String[] {"GET", c + "/members", null},
                new String[] {"POST", c + "/members", "{\"member_type\": \"external_email\", \"email\": \"spy@evil.test\"}"},
                new String[] {"DELETE", c + "/members/" + foreign.member, null},
                new String[] {"POST", "/api/v1/embed/keys/" + foreign.kid + "/retire", null},
                new String[] {"PATCH", "/api/v1/owners/" + foreign.owner, "{\"role\": \"admin\"}"},
                new String[] {"DELETE", "/api/v1/owners/" + foreign.owner, null},
                new String[] {"DELETE", "/api/v1/api-keys/" + foreign.apiKey, null},
                new String[] {"DELETE", s, null},
                new String[] {"DELETE", c, null},
                new String[] {"DELETE", d, null});
        for (String[] route : routes) {
            assertError(caller.send(route[0], route[1], route[2]), 404, "NOT_FOUND");
        }
        // A foreign context id in a body is refused exactly like an id that exists nowhere.
        String shares = "/api/v1/dashboards/" + caller.salesOverviewId() + "/shares";
        int before = caller.get(shares).json().get("shares").size();
        Reply foreignContext = caller.post(shares, "{\"name\": \"x\", \"share_type\": \"link\", \"share_context_id\": \""
                + foreign.context + "\"}");
        Reply noContext = caller.post(shares, "{\"name\": \"x\", \"share_type\": \"link\", \"share_context_id\": \""
                + UUID.randomUUID() + "\"}");
        assertError(foreignContext, 400, "INVALID_REQUEST");
        assertThat(withoutRequestId(foreignContext)).isEqualTo(withoutRequestId(noContext));
        assertThat(caller.get(shares).json().get("shares")).hasSize(before);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    /** One of everything an owner can address by id. */
    private record Ids(String dashboard, String share, String context, String member, String kid, String owner,
                       String apiKey) {

        static Ids of(Owner owner) {
            String dashboard = owner.salesOverviewId();
            String context = owner.createContext("Tenant check");
            String member = owner.addMember(context, "member@" + owner.companySlug() + ".example");
            String share = owner.createShare(dashboard, "{\"name\": \"Tenant check\", \"share_type\": \"link\"}")
                    .get("id").asText();
            String kid = owner.createEmbedKey().get("kid").asText();
            String invited = Owner.expect(201, owner.post("/api/v1/owners", "{\"email\": \"editor@"
                    + owner.companySlug() + ".test\", \"role\": \"editor\"}")).json().get("id").asText();
            String apiKey = Owner.expect(201, owner.post("/api/v1/api-keys", "{\"name\": \"ci\", \"role\": \"viewer\"}"))
                    .json().get("id").asText();
            return new Ids(dashboard, share, context, member, kid, invited, apiKey);
        }
    }
}
