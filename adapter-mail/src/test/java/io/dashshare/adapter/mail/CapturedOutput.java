package io.dashshare.adapter.mail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.LoggerFactory;

/**
 * Everything that could end up in a log while open: SLF4J/Logback at TRACE, java.util.logging
 * (Angus Mail's channel) at ALL, and standard output and error. GreenMail's own logging is left
 * out: it is the test's mail server, not our code.
 */
final class CapturedOutput implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ch.qos.logback.classic.Logger logbackRoot;
    private final Level logbackLevel;
    private final AppenderBase<ILoggingEvent> appender;
    private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
    private final java.util.logging.Level julLevel;
    private final Handler handler;
    private final PrintStream stdout = System.out;
    private final PrintStream stderr = System.err;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private CapturedOutput() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        logbackRoot = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logbackLevel = logbackRoot.getLevel();
        appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (!event.getLoggerName().startsWith("com.icegreen")) {
                    String thrown = event.getThrowableProxy() == null ? ""
                            : ThrowableProxyUtil.asString(event.getThrowableProxy());
                    lines.add(event.getLoggerName() + " " + event.getFormattedMessage() + " " + thrown);
                }
            }
        };
        appender.setContext(context);
        appender.start();
        logbackRoot.addAppender(appender);
        logbackRoot.setLevel(Level.TRACE);

        julLevel = julRoot.getLevel();
        handler = new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                StringWriter thrown = new StringWriter();
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(thrown));
                }
                lines.add(record.getLoggerName() + " " + formatter.formatMessage(record) + " " + thrown);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(java.util.logging.Level.ALL);
        julRoot.addHandler(handler);
        julRoot.setLevel(java.util.logging.Level.ALL);

        System.setOut(new PrintStream(tee(stdout), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(stderr), true, StandardCharsets.UTF_8));
    }

    static CapturedOutput start() {
        return new CapturedOutput();
    }

    /** Every captured log line and console byte, as one text. */
    String text() {
        System.out.flush();
        System.err.flush();
        return String.join("\n", lines) + "\n" + console.toString(StandardCharsets.UTF_8);
    }

    int logLineCount() {
        return lines.size();
    }

    @Override
    public void close() {
        System.setOut(stdout);
        System.setErr(stderr);
        julRoot.removeHandler(handler);
        julRoot.setLevel(julLevel);
        logbackRoot.detachAppender(appender);
        logbackRoot.setLevel(logbackLevel);
        appender.stop();
    }

    private OutputStream tee(PrintStream original) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (console) {
                    console.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (console) {
                    console.write(b, off, len);
                }
                original.write(b, off, len);
            }
        };
    }
}
