package io.dashshare.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import java.util.List;

/** What every error answer of docs/errors.md must look like on the wire. */
final class ApiAssertions {

    /** Text that would betray SQL, the schema, the database or a stack trace to a viewer. */
    static final List<String> INTERNALS = List.of("select distinct", "select count", "select coalesce", "SELECT ",
            " from demo", "where (", "demo.orders", "sharing.", "pg_",
            "Exception", "\tat ", "at io.", "at java.", "org.postgresql", "PSQL", "ERROR:", "<html", "<!DOCTYPE",
            "Internal Server Error");

    private ApiAssertions() {
    }

    /** Status, {@code error_code}, the §9 shape, the request id echoed, and nothing internal. */
    static JsonNode assertError(Reply reply, int status, String errorCode) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as("content type of %s", reply)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = reply.json();
        assertThat(body.path("error_code").asText()).as("error_code of %s", reply).isEqualTo(errorCode);
        assertThat(body.path("message").isTextual()).as("message of %s", reply).isTrue();
        assertThat(body.path("request_id").asText()).as("request_id of %s", reply).isNotBlank()
                .isEqualTo(reply.header("X-Request-Id").orElse(null));
        assertNothingInternal(reply);
        return body;
    }

    /**
     * Like {@link #assertError(Reply, int, String)} for an answer that rightly quotes the caller's
     * own input back (an unknown parameter name): only the rest of the body is searched.
     */
    static JsonNode assertErrorEchoing(Reply reply, int status, String errorCode, String echoed) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.errorCode()).as("error_code of %s", reply).isEqualTo(errorCode);
        assertThat(reply.json().path("request_id").asText()).isEqualTo(reply.header("X-Request-Id").orElse(null));
        String rest = reply.json().toString().replace(reply.json().get("message").asText(), "")
                .replace(reply.json().at("/details/filter_slug").asText(), "");
        for (String marker : INTERNALS) {
            assertThat(rest).as("body of %s without %s", reply, echoed).doesNotContain(marker);
        }
        assertThat(reply.json().get("message").asText().replace(echoed, ""))
                .as("message of %s", reply).doesNotContainIgnoringCase("select");
        return reply.json();
    }

    static void assertNothingInternal(Reply reply) {
        for (String marker : INTERNALS) {
            assertThat(reply.body()).as("body of %s", reply).doesNotContain(marker);
        }
    }

    /** The body without its {@code request_id}, the one member that rightly differs per request. */
    static JsonNode withoutRequestId(Reply reply) {
        JsonNode body = reply.json();
        if (body instanceof ObjectNode object) {
            object.remove("request_id");
        }
        return body;
    }
}
