package io.dashshare.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.adapter.persistence.audit.JooqAuditLog;
import io.dashshare.bootstrap.testing.TestService;
import io.micronaut.context.ApplicationContext;
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
                "sharing.audit.enabled", "maybe", "SHARING_AUDIT_RETENTION", "forever",
                "SHARING_HOUSEKEEPING_INTERVAL", "often", "SHARING_HOUSEKEEPING_ENABLED", "ture");

        assertThatThrownBy(() -> TestService.start(env)).rootCause()
                .hasMessageContaining("SHARING_CACHE_MAX_BYTES (sharing.cache.max-bytes) = 'lots' is not a size")
                .hasMessageContaining("SHARING_QUERY_TIMEOUT (sharing.query.timeout) = 'soon' is not a duration")
                .hasMessageContaining("SHARING_AUDIT_ENABLED (sharing.audit.enabled) = 'maybe' is not true or false")
                .hasMessageContaining("SHARING_AUDIT_RETENTION (sharing.audit.retention) = 'forever' is not a duration")
                .hasMessageContaining("SHARING_HOUSEKEEPING_INTERVAL (sharing.housekeeping.interval) = 'often'")
                .hasMessageContaining("SHARING_HOUSEKEEPING_ENABLED (sharing.housekeeping.enabled) = 'ture'");
    }

    @Test
    void off_is_off_for_the_beans_a_switch_turns_off_as_for_the_settings() {
        // @Requires(value = "false") compared text: "off" kept the audit writer and housekeeping on.
        try (TestService service = TestService.start(Map.of("SHARING_AUDIT_ENABLED", "off",
                "SHARING_HOUSEKEEPING_ENABLED", "no"))) {
            ApplicationContext context = service.running().context();
            assertThat(context.containsBean(JooqAuditLog.class)).as("audit writer").isFalse();
            assertThat(context.containsBean(AuditFlushJob.class)).as("audit flush job").isFalse();
            assertThat(context.containsBean(HousekeepingJob.class)).as("housekeeping job").isFalse();
        }
        try (TestService service = TestService.start(Map.of("SHARING_AUDIT_ENABLED", "On"))) {
            assertThat(service.running().context().containsBean(JooqAuditLog.class)).isTrue();
            assertThat(service.running().context().containsBean(HousekeepingJob.class)).isTrue();
        }
    }

    @Test
    void values_out_of_their_range_stop_the_start_too() {
        assertThatThrownBy(() -> TestService.start(Map.of("SHARING_AUDIT_CLIENT_IP", "partial"))).rootCause()
                .hasMessageContaining("SHARING_AUDIT_CLIENT_IP must be truncated, full or none, not 'partial'");
        assertThatThrownBy(() -> TestService.start(Map.of("SHARING_AUDIT_RETENTION", "0s"))).rootCause()
                .hasMessageContaining("SHARING_AUDIT_RETENTION must be positive");
    }

    @Test
    void memory_bounds_that_do_not_fit_stop_the_start() {
        Map<String, String> env = Map.of("sharing.query.memory", "1MB", "sharing.query.max-execution-bytes", "2MB");

        assertThatThrownBy(() -> TestService.start(env)).rootCause()
                .hasMessageContaining("must be at least 64KB and at least SHARING_QUERY_MAX_EXECUTION_BYTES");
    }
}
