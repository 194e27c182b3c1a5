package io.dashshare.adapter.http.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodyFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "APPLICATION/JSON", "application/json; charset=utf-8",
            "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"", " application/json "})
    void json_with_at_most_a_utf8_charset_is_json(String type) {
        assertThat(RequestBodyFilter.isJson(type)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {";;;", ";", "", "application/json;", "application/json;;", "application/json; charset=latin1",
            "application/json; foo=bar", "application/json; charset=utf-8; x=y", "application/jsonx", "application/*",
            "*/*", "text/json", "application/merge-patch+json", "application/json,text/plain", "text/plain"})
    void anything_else_is_not(String type) {
        assertThat(RequestBodyFilter.isJson(type)).isFalse();
    }
}
