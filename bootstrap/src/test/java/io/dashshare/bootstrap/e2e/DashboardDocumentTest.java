package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.ApiAssertions.assertError;
import static io.dashshare.bootstrap.testing.Owner.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.bootstrap.testing.Owner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md#dashboards: a dashboard is JSON, and what GET returns can be sent back to POST and PUT as it
 * is, on the running service with its real database.
 */
class DashboardDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void what_get_returns_put_accepts_as_it_is_and_post_accepts_under_a_new_slug() throws Exception {
        Owner owner = Owner.newCompany("documents");
        String id = owner.salesOverviewId();
        JsonNode fetched = expect(200, owner.get("/api/v1/dashboards/" + id)).json();
        assertThat(fetched.get("filters")).hasSize(4);
        assertThat(fetched.get("widgets")).hasSize(4);

        JsonNode updated = expect(200, owner.send("PUT", "/api/v1/dashboards/" + id, fetched.toString())).json();
        assertThat(updated.get("version").asLong()).isEqualTo(fetched.get("version").asLong() + 1);
        assertThat(definition(updated)).isEqualTo(definition(fetched));

        assertError(owner.post("/api/v1/dashboards", fetched.toString()), 409, "CONFLICT");
        ObjectNode copy = ((ObjectNode) fetched.deepCopy()).put("slug", "sales-copy");
        JsonNode created = expect(201, owner.post("/api/v1/dashboards", copy.toString())).json();
        assertThat(created.get("id").asText()).isNotEqualTo(id);
        assertThat(definition(created)).isEqualTo(definition(copy));
        assertThat(definition(expect(200, owner.get("/api/v1/dashboards/" + created.get("id").asText())).json()))
                .isEqualTo(definition(copy));
    }

    /** The document without what GET adds (id, version, timestamps). */
    private static JsonNode definition(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        copy.remove(java.util.List.of("id", "version", "created_at", "updated_at", "embed_tokens_not_before"));
        return JSON.valueToTree(copy);
    }
}
