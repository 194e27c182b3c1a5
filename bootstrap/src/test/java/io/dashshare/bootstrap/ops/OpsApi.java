package io.dashshare.bootstrap.ops;

import static io.dashshare.bootstrap.testing.ApiClient.bearer;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.TestService;

/** The owner-side steps the ops tests repeat, through the public API only. */
final class OpsApi {

    final ApiClient api;
    final String owner;

    OpsApi(ApiClient api) {
        this.api = api;
        this.owner = api.login(TestService.ADMIN_EMAIL, TestService.ADMIN_PASSWORD);
    }

    String salesDashboardId() {
        for (JsonNode dashboard : ok(api.get("/api/v1/dashboards", "Authorization", bearer(owner)), 200)
                .get("dashboards")) {
            if (dashboard.get("slug").asText().equals("sales-overview")) {
                return dashboard.get("id").asText();
            }
        }
        throw new AssertionError("no sales-overview dashboard");
    }

    /** A public link to the demo dashboard: {@code [share id, token]}. */
    String[] publicShare(String name) {
        JsonNode share = ok(api.post("/api/v1/dashboards/" + salesDashboardId() + "/shares",
                "{\"name\":\"" + name + "\"}", "Authorization", bearer(owner)), 201);
        return new String[] {share.get("id").asText(), share.get("token").asText()};
    }

    String embedToken() {
        return ok(api.post("/api/v1/embed/dashboards/" + salesDashboardId(), "{\"allowed_params\":[\"region\"]}",
                "Authorization", bearer(owner)), 201).get("token").asText();
    }

    /** A context with one member and the demo dashboard shared to it: the context id. */
    String contextWithMember(String name, String email) {
        String context = ok(api.post("/api/v1/share-contexts", "{\"name\":\"" + name + "\"}",
                "Authorization", bearer(owner)), 201).get("id").asText();
        ok(api.post("/api/v1/share-contexts/" + context + "/members",
                "{\"member_type\":\"external_email\",\"email\":\"" + email + "\"}", "Authorization", bearer(owner)), 201);
        ok(api.post("/api/v1/dashboards/" + salesDashboardId() + "/shares",
                "{\"name\":\"" + name + "\",\"share_type\":\"link\",\"share_context_id\":\"" + context + "\"}",
                "Authorization", bearer(owner)), 201);
        return context;
    }

    Reply execute(String shareToken, String parameters) {
        return api.post("/api/v1/public/shares/" + shareToken + "/execute", "{\"parameters\":" + parameters + "}");
    }

    static JsonNode ok(Reply reply, int status) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + " but got " + reply);
        }
        return reply.json();
    }
}
