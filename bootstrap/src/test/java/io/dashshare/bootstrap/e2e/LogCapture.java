package io.dashshare.bootstrap.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Everything the service writes while open: every logging event that passes the configured
 * levels (the service's own loggers at every level), with message, arguments, MDC and exceptions,
 * and whatever reaches standard output and error.
 */
final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger ours = (Logger) LoggerFactory.getLogger("io.dashshare");
    private final ch.qos.logback.classic.Level ourLevel = ours.getLevel();
    private final List<String> events = new ArrayList<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    line.append(" | ").append(argument);
                }
            }
            for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
                line.append(" | ").append(entry.getKey()).append('=').append(entry.getValue());
            }
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            synchronized (events) {
                events.add(line.toString());
            }
        }
    };

    LogCapture() {
        appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        appender.start();
        root.addAppender(appender);
        // The service's own loggers at every level, so that a debug line with a code is caught too;
        // the frameworks at their configured levels.
        ours.setLevel(ch.qos.logback.classic.Level.TRACE);
        System.setOut(new PrintStream(new Tee(out, console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, console), true, StandardCharsets.UTF_8));
    }

    /** Every captured line: logging events and console output. */
    List<String> lines() {
        List<String> lines;
        synchronized (events) {
            lines = new ArrayList<>(events);
        }
        synchronized (console) {
            lines.addAll(List.of(console.toString(StandardCharsets.UTF_8).split("\n")));
        }
        return lines;
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        ours.setLevel(ourLevel);
        root.detachAppender(appender);
        appender.stop();
    }

    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                original.write(b);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            try {
                original.write(b, off, len);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
