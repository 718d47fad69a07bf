package io.github.stytchjakarta.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures every log record of stytch-jakarta during a test, DEBUG included, through a
 * {@code java.util.logging} handler on the root logger ({@code System.Logger} goes to JUL by default),
 * so that a test can assert what was logged, and that no token or secret was. Register it as a
 * non-static {@code @RegisterExtension} field. Thread-safe.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private static final Logger LIBRARY = Logger.getLogger("io.github.stytchjakarta");

    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @Override
    public void beforeEach(ExtensionContext context) {
        previousLevel = LIBRARY.getLevel();
        LIBRARY.setLevel(Level.ALL);
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Logger.getLogger("").removeHandler(handler);
        LIBRARY.setLevel(previousLevel);
    }

    /** @return every captured record formatted as a log file would show it (message, parameters, stack traces) */
    public String text() {
        SimpleFormatter formatter = new SimpleFormatter();
        StringBuilder text = new StringBuilder();
        synchronized (records) {
            records.forEach(record -> text.append(formatter.format(record)));
        }
        return text.toString();
    }

    /**
     * @param level a level
     * @return the formatted messages of every logger at exactly that level
     */
    public List<String> messages(Level level) {
        return messages(record -> record.getLevel().equals(level));
    }

    /**
     * @param level  a level
     * @param source the class whose logger is meant
     * @return the formatted messages that logger logged at exactly that level
     */
    public List<String> messages(Level level, Class<?> source) {
        return messages(level, source.getName());
    }

    /**
     * @param level      a level
     * @param loggerName the logger's name (for classes the test cannot see)
     * @return the formatted messages that logger logged at exactly that level
     */
    public List<String> messages(Level level, String loggerName) {
        return messages(record -> record.getLevel().equals(level) && loggerName.equals(record.getLoggerName()));
    }

    private List<String> messages(Predicate<LogRecord> wanted) {
        SimpleFormatter formatter = new SimpleFormatter();
        List<String> messages = new ArrayList<>();
        synchronized (records) {
            records.stream().filter(wanted).forEach(record -> messages.add(formatter.formatMessage(record)));
        }
        return messages;
    }
}
