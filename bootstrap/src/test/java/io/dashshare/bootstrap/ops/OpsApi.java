package io.dashshare.bootstrap.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;

/** The owner-side steps the ops tests repeat, through the public API only, on one service instance. */
final class OpsApi {

    final ApiClient api;
    final String owner;
    private final Owner admin;

    OpsApi(ApiClient api) {
        this.api = api;
        this.admin = Owner.acme(api);
        this.owner = admin.accessToken();
    }

    String salesDashboardId() {
        return admin.salesOverviewId();
    }

    /** A public link to the demo dashboard: {@code [share id, token]}. */
    String[] publicShare(String name) {
        JsonNode share = admin.createShare(salesDashboardId(), "{\"name\":\"" + name + "\"}");
        return new String[] {share.get("id").asText(), share.get("token").asText()};
    }

    String embedToken() {
        return admin.embedToken(salesDashboardId(), "{\"allowed_params\":[\"region\"]}");
    }

    /** A context with one member and the demo dashboard shared to it: the context id. */
    String contextWithMember(String name, String email) {
        String context = admin.createContext(name);
        admin.addMember(context, email);
        admin.createShare(salesDashboardId(),
                "{\"name\":\"" + name + "\",\"share_type\":\"link\",\"share_context_id\":\"" + context + "\"}");
        return context;
    }

    Reply execute(String shareToken, String parameters) {
        return api.post("/api/v1/public/shares/" + shareToken + "/execute", "{\"parameters\":" + parameters + "}");
    }

    static JsonNode ok(Reply reply, int status) {
        return Owner.expect(status, reply).json();
    }
}
