package io.dashshare.domain.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guide's "Common Errors" table and docs/errors.md, status by status. */
class ErrorCodeTest {

    @ParameterizedTest(name = "{0} answers {1}")
    @CsvSource({"AUTH_REQUIRED, 401", "TOKEN_INVALID, 401", "INVALID_CONTEXT_ID, 400", "FILTER_DISABLED_BY_POLICY, 403",
            "DB_QUERY_ERROR, 400", "SHARE_FILTER_POLICY_VIOLATION, 400", "INVALID_REQUEST, 400", "INVALID_PARAMETER, 400",
            "UNAUTHENTICATED, 401", "CODE_INVALID, 401", "FORBIDDEN, 403", "NOT_FOUND, 404", "RATE_LIMITED, 429",
            "PAYLOAD_TOO_LARGE, 413", "SERVICE_UNAVAILABLE, 503", "INTERNAL_ERROR, 500"})
    void each_code_answers_its_documented_status(ErrorCode code, int status) {
        assertThat(code.httpStatus()).isEqualTo(status);
    }
}
