package io.dashshare.adapter.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.execution.SlotShare;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataSourcesConfigTest {

    @Test
    void each_source_is_read_from_its_variables_with_the_documented_defaults() {
        DataSourcesConfig config = DataSourcesConfig.fromEnvironment(Map.of(
                "SHARING_DATA_SOURCES_DEMO_URL", "jdbc:postgresql://db/demo",
                "SHARING_DATA_SOURCES_DEMO_USER", "reader",
                "SHARING_DATA_SOURCES_DEMO_PASSWORD", "secret",
                "SHARING_DATA_SOURCES_SALES_DB_URL", "jdbc:postgresql://db/sales",
                "SHARING_DATA_SOURCES_SALES_DB_POOL_SIZE", "3",
                "SHARING_DATA_SOURCES_SALES_DB_STATEMENT_TIMEOUT_MS", "2500",
                "SHARING_DATA_SOURCES_SALES_DB_MAX_ROWS", "500",
                "SHARING_DATA_SOURCES_SALES_DB_DASHBOARD_SHARE_PERCENT", "30",
                "PATH", "/usr/bin"));

        DataSourceSettings demo = config.sources().get(new DataSourceName("demo"));
        assertThat(demo.url()).isEqualTo("jdbc:postgresql://db/demo");
        assertThat(demo.user()).isEqualTo("reader");
        assertThat(demo.password()).isEqualTo("secret");
        assertThat(demo.statementTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(demo.maxRows()).isEqualTo(10_000);
        assertThat(demo.admission().dashboardShare()).isEqualTo(new SlotShare(50));
        assertThat(demo.admission().maxWait()).as("a refusal within a second").isEqualTo(Duration.ofMillis(500));
        DataSourceSettings sales = config.sources().get(new DataSourceName("sales_db"));
        assertThat(sales.poolSize()).isEqualTo(3);
        assertThat(sales.statementTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(sales.maxRows()).isEqualTo(500);
        assertThat(sales.admission().dashboardShare()).isEqualTo(new SlotShare(30));
        assertThat(config.sources()).hasSize(2);
    }

    @Test
    void a_source_without_url_or_with_a_bad_number_is_refused_naming_the_variable() {
        assertThatThrownBy(() -> DataSourcesConfig.fromEnvironment(Map.of("SHARING_DATA_SOURCES_X_USER", "u")))
                .hasMessageContaining("SHARING_DATA_SOURCES_X_URL");
        assertThatThrownBy(() -> DataSourcesConfig.fromEnvironment(Map.of("SHARING_DATA_SOURCES_X_URL", "jdbc:x",
                "SHARING_DATA_SOURCES_X_MAX_ROWS", "many"))).hasMessageContaining("SHARING_DATA_SOURCES_X_MAX_ROWS");
        assertThatThrownBy(() -> DataSourcesConfig.fromEnvironment(Map.of("SHARING_DATA_SOURCES_X_URL", "jdbc:x",
                "SHARING_DATA_SOURCES_X_DASHBOARD_SHARE_PERCENT", "0")))
                .hasMessageContaining("SHARING_DATA_SOURCES_X_DASHBOARD_SHARE_PERCENT");
        assertThatThrownBy(() -> DataSourcesConfig.fromEnvironment(Map.of("SHARING_DATA_SOURCES_X_URL", "jdbc:x",
                "SHARING_DATA_SOURCES_X_DASHBOARD_SHARE_PERCENT", "101")))
                .hasMessageContaining("SHARING_DATA_SOURCES_X_DASHBOARD_SHARE_PERCENT");
    }

    @Test
    void the_password_never_shows_in_toString() {
        assertThat(DataSourceSettings.of("jdbc:postgresql://db/demo", "reader", "hunter2").toString())
                .doesNotContain("hunter2");
    }
}
