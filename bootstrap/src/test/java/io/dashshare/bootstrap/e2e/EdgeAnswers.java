package io.dashshare.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.e2e.RawHttp.Answer;
import io.dashshare.domain.error.ErrorCode;

/** What every answer of the process carries on the wire (docs/api.md, errors and headers on every response). */
final class EdgeAnswers {

    private EdgeAnswers() {
    }

    /** The documented headers of an answer to {@code path}; for an error, the JSON body of the error table. */
    static void assertDocumented(Answer answer, String method, String path) {
        assertThat(answer.status()).as("an HTTP answer to %s %s: %s", method, path, answer).isBetween(100, 599);
        assertThat(answer.status()).as("no 5xx for %s %s: %s", method, path, answer).isLessThan(500);
        assertThat(answer.header("X-Request-Id")).as("request id of %s", answer).matches("[0-9a-f]{24}");
        assertThat(answer.header("X-Content-Type-Options")).as("nosniff of %s", answer).isEqualTo("nosniff");
        assertThat(answer.header("Referrer-Policy")).as("referrer policy of %s", answer).isEqualTo("no-referrer");
        assertThat(answer.header("Content-Security-Policy")).as("CSP of %s", answer).contains("frame-ancestors");
        String plain = plainPath(path);
        boolean embed = plain.startsWith("/embed/") || plain.startsWith("/api/embed/");
        if (!embed) {
            assertThat(answer.header("X-Frame-Options")).as("X-Frame-Options of %s", answer).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy")).as("CSP of %s", answer).contains("frame-ancestors 'none'");
        }
        if (plain.startsWith("/api/") || plain.startsWith("/s/") || plain.startsWith("/embed/")
                || plain.startsWith("/console/") || answer.status() >= 400) {
            assertThat(answer.header("Cache-Control")).as("Cache-Control of %s", answer).isEqualTo("no-store");
        }
        if (answer.status() >= 400 && !method.equals("HEAD")) {
            assertError(answer);
        }
    }

    /** A JSON body with a code of the error table whose status is the answer's, the id of its header, nothing internal. */
    static JsonNode assertError(Answer answer) {
        assertThat(answer.header("Content-Type")).as("content type of %s", answer).startsWith("application/json");
        JsonNode body = answer.json();
        ErrorCode code = ErrorCode.valueOf(body.path("error_code").asText("missing"));
        int status = answer.status();
        boolean ownStatus = status == 406 || status == 415 ? code == ErrorCode.INVALID_REQUEST
                : status == 414 || status == 431 ? code == ErrorCode.PAYLOAD_TOO_LARGE
                : code.httpStatus() == status;
        assertThat(ownStatus).as("status %s fits %s: %s", status, code, answer).isTrue();
        assertThat(body.path("message").isTextual()).as("message of %s", answer).isTrue();
        assertThat(body.path("request_id").asText()).as("request_id of %s", answer).isEqualTo(answer.header("X-Request-Id"));
        String withoutMessage = body.toString().replace(body.path("message").asText(), "")
                .replace(body.at("/details/filter_slug").asText("\u0000"), "");
        for (String marker : ApiAssertions.INTERNALS) {
            assertThat(withoutMessage).as("body of %s", answer).doesNotContain(marker);
        }
        assertThat(body.path("message").asText()).as("message of %s", answer)
                .doesNotContain("Exception", "\tat ", "org.postgresql", "ERROR:", "<html");
        return body;
    }

    private static String plainPath(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
