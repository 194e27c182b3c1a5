package io.dashshare.bootstrap.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The service's log configuration, in code rather than in a {@code logback.xml}: one line per event
 * on standard output with the request's id ({@code request_id} of the MDC; docs/operations.md,
 * "Logs"), INFO and up, the chatty libraries quieter. Logback finds it through
 * {@code META-INF/services}. In code because reading an XML file made Logback load its whole XML
 * configuration machinery and the JDK's XML parser, about 400 classes that stay in every
 * instance's memory for one file read at start (bench/README.md, "Memory").
 *
 * <p>An operator's own file still wins: with {@code -Dlogback.configurationFile=...}, or a
 * {@code logback-test.xml} on the class path (the tests'), this steps aside and Logback reads it.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfiguration extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%X{request_id:-}] %logger{24} - %msg%n";

    /** Loggers set apart from INFO, and why. */
    static final Map<String, Level> LEVELS = Map.of(
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN,
            "org.flywaydb.core.internal.sqlscript", Level.ERROR,
            "io.zonky", Level.WARN,
            // micronaut-email logs every refused mail with its whole stack trace; the outbox's
            // sender (DeliverMailService) logs one line per failed attempt instead, naming the
            // mail, never its body.
            "io.micronaut.email.javamail.sender.JavaxEmailSender", Level.OFF);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfiguration.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static void apply(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }
}
