package io.dashshare.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.bootstrap.testing.TestService;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A documented setting of the wrong kind stops the start and is named, with every other one wrong
 * (SettingsCheck): Micronaut's binding alone used to start the service on the default.
 */
class SettingsCheckTest {

    @Test
    void settings_of_the_wrong_kind_stop_the_start_and_each_is_named() {
        Map<String, String> env = Map.of("sharing.cache.max-bytes", "lots", "sharing.query.timeout", "soon",
                "sharing.audit.enabled", "maybe");

        assertThatThrownBy(() -> TestService.start(env)).rootCause()
                .hasMessageContaining("SHARING_CACHE_MAX_BYTES (sharing.cache.max-bytes) = 'lots' is not a size")
                .hasMessageContaining("SHARING_QUERY_TIMEOUT (sharing.query.timeout) = 'soon' is not a duration")
                .hasMessageContaining("SHARING_AUDIT_ENABLED (sharing.audit.enabled) = 'maybe' is not true or false");
    }

    @Test
    void memory_bounds_that_do_not_fit_stop_the_start() {
        Map<String, String> env = Map.of("sharing.query.memory", "1MB", "sharing.query.max-execution-bytes", "2MB");

        assertThatThrownBy(() -> TestService.start(env)).rootCause()
                .hasMessageContaining("must be at least 64KB and at least SHARING_QUERY_MAX_EXECUTION_BYTES");
    }
}
