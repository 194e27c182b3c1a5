package io.dashshare.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogConfigurationTest {

    @Test
    void the_service_logs_one_line_an_event_with_its_request_id_and_quiets_the_libraries() {
        LoggerContext context = new LoggerContext();
        LogConfiguration.apply(context);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        ConsoleAppender<?> console = (ConsoleAppender<?>) root.getAppender("STDOUT");
        assertThat(console.isStarted()).isTrue();
        PatternLayoutEncoder encoder = (PatternLayoutEncoder) console.getEncoder();
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), context.getLogger("io.dashshare.access"),
                Level.INFO, "method=GET path=/x status=200", null, null);
        event.setMDCPropertyMap(Map.of("request_id", "abc123"));
        assertThat(new String(encoder.encode(event), StandardCharsets.UTF_8))
                .matches("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO  \\[abc123\\] io\\.dashshare\\.access - method=GET path=/x status=200\\R");

        assertThat(context.getLogger("io.dashshare.access").isInfoEnabled()).isTrue();
        assertThat(context.getLogger("com.zaxxer.hikari.pool.HikariPool").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("org.flywaydb.core.internal.sqlscript.X").isWarnEnabled()).isFalse();
        assertThat(context.getLogger("io.micronaut.email.javamail.sender.JavaxEmailSender").isErrorEnabled()).isFalse();
    }

    @Test
    void a_logback_test_xml_on_the_class_path_is_left_to_logback() {
        // The test class path carries bootstrap's logback-test.xml, as an operator's file would be.
        LoggerContext context = new LoggerContext();

        assertThat(new LogConfiguration().configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT")).isNull();
    }
}
