package io.dashshare.adapter.persistence.query;

import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.execution.SlotShare;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The named databases dashboards may query ({@code data_source} of a dashboard), as bootstrap
 * reads them from configuration. {@link #fromEnvironment} reads the documented variables
 * {@code SHARING_DATA_SOURCES_<NAME>_URL}, {@code _USER}, {@code _PASSWORD}, and optionally
 * {@code _POOL_SIZE}, {@code _STATEMENT_TIMEOUT_MS}, {@code _MAX_ROWS}, {@code _CONNECTION_TIMEOUT_MS},
 * {@code _MAX_CONCURRENT_QUERIES}, {@code _MAX_QUEUED_QUERIES}, {@code _QUEUE_TIMEOUT_MS},
 * {@code _DASHBOARD_SHARE_PERCENT}.
 *
 * <p>Read here rather than with Micronaut's {@code @EachProperty}: a source's name may hold an
 * underscore ({@code sales_db}), and the framework's mapping of variable names to properties cannot
 * tell {@code SHARING_DATA_SOURCES_SALES_DB_URL} (source {@code sales_db}, key {@code url}) from
 * source {@code sales} with a property {@code db.url} (tried: it reads the latter). Matching the
 * documented suffixes, longest first, is unambiguous.
 */
public record DataSourcesConfig(Map<DataSourceName, DataSourceSettings> sources) {

    public static final String PREFIX = "SHARING_DATA_SOURCES_";
    // Longest first, so that NAME_POOL_SIZE is never read as a source "NAME_POOL" with key "SIZE".
    private static final List<String> KEYS = List.of("_DASHBOARD_SHARE_PERCENT", "_MAX_CONCURRENT_QUERIES", "_CONNECTION_TIMEOUT_MS",
            "_STATEMENT_TIMEOUT_MS", "_MAX_QUEUED_QUERIES", "_QUEUE_TIMEOUT_MS", "_POOL_SIZE", "_MAX_ROWS", "_PASSWORD",
            "_USER", "_URL");

    public DataSourcesConfig {
        sources = Map.copyOf(sources);
    }

    public static DataSourcesConfig of(DataSourceName name, DataSourceSettings settings) {
        return new DataSourcesConfig(Map.of(name, settings));
    }

    /**
     * Every {@code SHARING_DATA_SOURCES_<NAME>_URL} defines source {@code <name>} (lower case).
     * Throws {@link IllegalArgumentException} naming the variable when a value does not parse.
     */
    public static DataSourcesConfig fromEnvironment(Map<String, String> environment) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        for (Map.Entry<String, String> entry : environment.entrySet()) {
            String variable = entry.getKey();
            if (!variable.startsWith(PREFIX)) {
                continue;
            }
            String rest = variable.substring(PREFIX.length());
            for (String key : KEYS) {
                if (rest.endsWith(key) && rest.length() > key.length()) {
                    String name = rest.substring(0, rest.length() - key.length()).toLowerCase(Locale.ROOT);
                    byName.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(key, entry.getValue());
                    break;
                }
            }
        }
        Map<DataSourceName, DataSourceSettings> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> source : byName.entrySet()) {
            Map<String, String> values = source.getValue();
            String variable = PREFIX + source.getKey().toUpperCase(Locale.ROOT);
            if (!values.containsKey("_URL")) {
                throw new IllegalArgumentException(variable + "_URL is missing");
            }
            DataSourceSettings settings = new DataSourceSettings(values.get("_URL"),
                    values.getOrDefault("_USER", ""), values.get("_PASSWORD"),
                    intOr(values, "_POOL_SIZE", DataSourceSettings.DEFAULT_POOL_SIZE, variable),
                    millisOr(values, "_STATEMENT_TIMEOUT_MS", DataSourceSettings.DEFAULT_STATEMENT_TIMEOUT, variable),
                    intOr(values, "_MAX_ROWS", DataSourceSettings.DEFAULT_MAX_ROWS, variable),
                    millisOr(values, "_CONNECTION_TIMEOUT_MS", DataSourceSettings.DEFAULT_CONNECTION_TIMEOUT, variable),
                    admission(values, variable));
            sources.put(new DataSourceName(source.getKey()), settings);
        }
        return new DataSourcesConfig(sources);
    }

    /** The admission bounds of one source; each variable falls back to {@link DataSourceSettings.Admission#DEFAULT}. */
    private static DataSourceSettings.Admission admission(Map<String, String> values, String variable) {
        DataSourceSettings.Admission defaults = DataSourceSettings.Admission.DEFAULT;
        return new DataSourceSettings.Admission(
                intOr(values, "_MAX_CONCURRENT_QUERIES", defaults.maxConcurrent(), variable),
                intOr(values, "_MAX_QUEUED_QUERIES", defaults.maxQueued(), variable),
                millisOr(values, "_QUEUE_TIMEOUT_MS", defaults.maxWait(), variable),
                share(values, variable));
    }

    private static SlotShare share(Map<String, String> values, String variable) {
        int percent = intOr(values, "_DASHBOARD_SHARE_PERCENT", SlotShare.DEFAULT.percent(), variable);
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException(variable + "_DASHBOARD_SHARE_PERCENT must be from 1 to 100");
        }
        return new SlotShare(percent);
    }

    private static int intOr(Map<String, String> values, String key, int fallback, String variable) {
        String text = values.get(key);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + key + " must be a whole number");
        }
    }

    private static Duration millisOr(Map<String, String> values, String key, Duration fallback, String variable) {
        String text = values.get(key);
        return text == null || text.isBlank() ? fallback : Duration.ofMillis(intOr(values, key, 0, variable));
    }
}
