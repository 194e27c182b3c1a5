package io.dashshare.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run contract's own variables: a typo stops the start instead of meaning "no" or a stack trace. */
class ServiceConfigTest {

    @Test
    void a_switch_is_one_of_its_words_and_a_typo_is_an_error_not_false() {
        assertThat(new ServiceConfig(Map.of("SHARING_DEMO", "Yes")).demo()).isTrue();
        assertThat(new ServiceConfig(Map.of("SHARING_DEMO", "off")).demo()).isFalse();
        assertThat(new ServiceConfig(Map.of()).demo()).as("embedded database: the demo by default").isTrue();

        assertThatThrownBy(() -> new ServiceConfig(Map.of("SHARING_DEMO", "ture")).demo())
                .hasMessage("SHARING_DEMO is not true or false (yes/no, on/off): ture");
    }

    @Test
    void a_port_is_a_number_from_0_to_65535() {
        assertThat(new ServiceConfig(Map.of("PORT", "18080")).port()).isEqualTo(18080);
        assertThat(new ServiceConfig(Map.of()).port()).isEqualTo(8080);

        assertThatThrownBy(() -> new ServiceConfig(Map.of("PORT", "http")).port())
                .hasMessage("PORT is not a port number (0 to 65535): http");
        assertThatThrownBy(() -> new ServiceConfig(Map.of("PORT", "70000")).port())
                .hasMessage("PORT is not a port number (0 to 65535): 70000");
    }

    @Test
    void the_environment_is_dev_or_production_and_nothing_else() {
        assertThat(new ServiceConfig(Map.of()).production()).isFalse();
        assertThat(new ServiceConfig(Map.of("SHARING_ENV", "Production")).environmentName()).isEqualTo("production");
        assertThat(new ServiceConfig(Map.of("SHARING_ENV", "dev")).production()).isFalse();

        assertThatThrownBy(() -> new ServiceConfig(Map.of("SHARING_ENV", "prod")).production())
                .as("a production operator's typo must not start a dev service")
                .hasMessage("SHARING_ENV is dev or production, not: prod");
    }
}
