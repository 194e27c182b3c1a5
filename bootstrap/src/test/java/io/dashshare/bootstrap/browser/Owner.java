package io.dashshare.bootstrap.browser;

import static io.dashshare.bootstrap.testing.ApiClient.bearer;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.TestService;
import java.util.ArrayList;
import java.util.List;

/** What the demo's owner does before a viewer opens a page: shares, contexts, embed tokens, origins. */
final class Owner {

    final TestService service;
    final ApiClient api;
    final String token;
    final String dashboardId;

    Owner(TestService service) {
        this.service = service;
        this.api = service.api();
        this.token = api.login(TestService.ADMIN_EMAIL, TestService.ADMIN_PASSWORD);
        Reply dashboards = ok(api.get("/api/v1/dashboards", "Authorization", bearer(token)), 200);
        String id = null;
        for (JsonNode d : dashboards.json().get("dashboards")) {
            if (d.get("slug").asText().equals("sales-overview")) {
                id = d.get("id").asText();
            }
        }
        if (id == null) {
            throw new AssertionError("the demo dashboard sales-overview is missing: " + dashboards);
        }
        this.dashboardId = id;
    }

    /** A link share; {@code body} members beyond name and share_type, e.g. {@code "share_filter_policies": [...]}. */
    JsonNode share(String extraMembers) {
        return share(dashboardId, extraMembers);
    }

    JsonNode share(String dashboard, String extraMembers) {
        String body = "{\"name\":\"browser test\",\"share_type\":\"link\"" + (extraMembers.isEmpty() ? "" : "," + extraMembers) + "}";
        return ok(api.post("/api/v1/dashboards/" + dashboard + "/shares", body, "Authorization", bearer(token)), 201).json();
    }

    void patchShare(String shareId, String body) {
        ok(api.send("PATCH", "/api/v1/shares/" + shareId, body, "Authorization", bearer(token)), 200);
    }

    /** A dashboard of the owner's own (PRODUCT.md §5 document); its id. */
    String createDashboard(String document) {
        return ok(api.post("/api/v1/dashboards", document, "Authorization", bearer(token)), 201).json().get("id").asText();
    }

    void deleteDashboard(String id) {
        ok(api.send("DELETE", "/api/v1/dashboards/" + id, null, "Authorization", bearer(token)), 204);
    }

    void revoke(String shareId) {
        ok(api.send("DELETE", "/api/v1/shares/" + shareId, null, "Authorization", bearer(token)), 200);
    }

    String context(String name) {
        return ok(api.post("/api/v1/share-contexts", "{\"name\":\"" + name + "\",\"description\":\"Browser tests\"}",
                "Authorization", bearer(token)), 201).json().get("id").asText();
    }

    void member(String contextId, String email) {
        ok(api.post("/api/v1/share-contexts/" + contextId + "/members",
                "{\"member_type\":\"external_email\",\"email\":\"" + email + "\"}", "Authorization", bearer(token)), 201);
    }

    JsonNode embed(String body) {
        return ok(api.post("/api/v1/embed/dashboards/" + dashboardId, body, "Authorization", bearer(token)), 201).json();
    }

    List<String> embedOrigins() {
        List<String> origins = new ArrayList<>();
        ok(api.get("/api/v1/company", "Authorization", bearer(token)), 200).json().get("embed_origins")
                .forEach(o -> origins.add(o.asText()));
        return origins;
    }

    void setEmbedOrigins(List<String> origins) {
        StringBuilder body = new StringBuilder("{\"embed_origins\":[");
        for (int i = 0; i < origins.size(); i++) {
            body.append(i == 0 ? "" : ",").append('"').append(origins.get(i)).append('"');
        }
        ok(api.send("PUT", "/api/v1/company/embed-origins", body.append("]}").toString(),
                "Authorization", bearer(token)), 200);
    }

    /** The total revenue the public API computes for these parameters, to compare with the page. */
    java.math.BigDecimal totalRevenue(String shareToken, String parametersJson) {
        Reply reply = ok(api.post("/api/v1/public/shares/" + shareToken + "/execute",
                "{\"parameters\":" + parametersJson + "}"), 200);
        for (JsonNode widget : reply.json().get("widgets")) {
            if (widget.get("slug").asText().equals("total_revenue")) {
                return widget.get("rows").get(0).get(0).decimalValue();
            }
        }
        throw new AssertionError("no total_revenue widget: " + reply);
    }

    private static Reply ok(Reply reply, int status) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + " but got " + reply);
        }
        return reply;
    }
}
