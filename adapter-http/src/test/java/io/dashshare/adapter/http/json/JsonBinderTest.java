package io.dashshare.adapter.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.filter.RawValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The binder's rules for text PostgreSQL cannot store, and for {@code null} (docs/api.md, request bodies). */
class JsonBinderTest {

    record Inner(String label) {
    }

    record Body(String name, Optional<String> note, Change<String> description, Optional<List<String>> tags,
                Optional<Map<String, String>> labels, Optional<Map<String, RawValue>> parameters,
                Optional<List<Inner>> items, Optional<RawValue> value, Object ignored) implements JsonBody {
    }

    private static Body bind(String json) {
        return JsonBinder.bind(Json.parse(json.getBytes(StandardCharsets.UTF_8)), Body.class);
    }

    private static String refusedField(String json) {
        try {
            bind(json);
        } catch (InvalidValueException e) {
            return e.field();
        }
        throw new AssertionError("accepted: " + json);
    }

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\": \"a\\u0000b\"}|name",
            "{\"name\": \"n\", \"note\": \"\\u0000\"}|note",
            "{\"name\": \"n\", \"description\": \"d\\u0000\"}|description",
            "{\"name\": \"n\", \"tags\": [\"ok\", \"t\\u0000\"]}|tags[1]",
            "{\"name\": \"n\", \"labels\": {\"k\\u0000\": \"v\"}}|labels.k?",
            "{\"name\": \"n\", \"labels\": {\"k\": \"v\\u0000\"}}|labels.k",
            "{\"name\": \"n\", \"items\": [{\"label\": \"x\\u0000\"}]}|items[0].label",
            "{\"name\": \"n\", \"ignored\": {\"deep\": [\"\\u0000\"]}}|ignored.deep[0]",
            "{\"name\": \"x\\ud800\"}|name",
            "{\"name\": \"x\\udc00y\"}|name",
            "{\"name\": \"n\", \"value\": \"\\ud800\"}|value",
            "{\"name\": \"n\", \"parameters\": {\"region\": [\"\\udfff\"]}}|parameters.region[0]"})
    void text_postgresql_cannot_store_is_refused_at_its_member(String json, String field) {
        assertThat(refusedField(json)).isEqualTo(field);
    }

    @Test
    void a_pair_of_surrogates_is_text_and_a_filter_value_keeps_its_nul_for_the_filter_rules() {
        assertThat(bind("{\"name\": \"\\ud83d\\ude00\"}").name()).isEqualTo("\uD83D\uDE00");
        Body body = bind("{\"name\": \"n\", \"parameters\": {\"re\\u0000gion\": \"a\\u0000\"}, \"value\": \"b\\u0000\"}");
        assertThat(body.parameters().orElseThrow()).containsEntry("re\u0000gion", new RawValue.Str("a\u0000"));
        assertThat(body.value()).contains(new RawValue.Str("b\u0000"));
    }

    @Test
    void null_is_missing_for_a_required_member_refused_for_an_optional_one_and_clears_a_change() {
        assertThat(refusedField("{\"name\": null}")).isEqualTo("name");
        assertThatThrownBy(() -> bind("{\"name\": \"n\", \"note\": null}")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("note: must not be null");
        assertThat(refusedField("{\"name\": \"n\", \"tags\": null}")).isEqualTo("tags");
        assertThat(refusedField("{\"name\": \"n\", \"tags\": [null]}")).isEqualTo("tags[0]");
        assertThat(bind("{\"name\": \"n\", \"description\": null}").description()).isInstanceOf(Change.Cleared.class);
        assertThat(bind("{\"name\": \"n\"}").description()).isInstanceOf(Change.Unchanged.class);
        assertThat(refusedField("{\"name\": \"n\", \"value\": null}")).isEqualTo("value");
    }

    @Test
    void an_unknown_member_is_quoted_without_control_characters() {
        assertThat(refusedField("{\"name\": \"n\", \"de\\u0000s\\nc\": 1}")).isEqualTo("de?s?c");
    }
}
