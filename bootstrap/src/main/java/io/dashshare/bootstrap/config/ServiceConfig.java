package io.dashshare.bootstrap.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run contract of PRODUCT.md §2, read from environment variables (or, for tests, from any
 * map of the same names) before the application context starts, because the embedded database
 * and the secrets must exist before the data source and the token keys are created.
 */
public record ServiceConfig(Map<String, String> env) {

    private static final Pattern DATA_SOURCE_VAR = Pattern.compile("SHARING_DATA_SOURCES_([A-Z][A-Z0-9_]*?)_(URL|USER|PASSWORD)");

    public static ServiceConfig fromEnvironment() {
        return new ServiceConfig(System.getenv());
    }

    public Optional<String> get(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public int port() {
        return get("PORT").map(Integer::parseInt).orElse(8080);
    }

    public Path dataDir() {
        return Path.of(get("SHARING_DATA_DIR").orElse("./data")).toAbsolutePath().normalize();
    }

    public boolean production() {
        return get("SHARING_ENV").map(v -> v.toLowerCase(Locale.ROOT).equals("production")).orElse(false);
    }

    public String environmentName() {
        return production() ? "production" : get("SHARING_ENV").orElse("dev");
    }

    public boolean embeddedDatabase() {
        return get("SHARING_DB_URL").isEmpty();
    }

    /** The demo is seeded by default on the embedded database only. */
    public boolean demo() {
        return get("SHARING_DEMO").map(Boolean::parseBoolean).orElse(embeddedDatabase());
    }

    public String publicBaseUrl(int actualPort) {
        return get("SHARING_PUBLIC_BASE_URL").orElse("http://localhost:" + actualPort);
    }

    public String adminEmail() {
        return get("SHARING_ADMIN_EMAIL").orElse("admin@acme.test");
    }

    public Optional<String> adminPassword() {
        return get("SHARING_ADMIN_PASSWORD");
    }

    /** {@code SHARING_DATA_SOURCES_<NAME>_URL/_USER/_PASSWORD}, by lower-case name. */
    public Map<String, DataSourceSpec> dataSources() {
        Map<String, String[]> parts = new TreeMap<>();
        env.forEach((key, value) -> {
            Matcher m = DATA_SOURCE_VAR.matcher(key);
            if (m.matches()) {
                String[] spec = parts.computeIfAbsent(m.group(1).toLowerCase(Locale.ROOT), k -> new String[3]);
                spec[switch (m.group(2)) {
                    case "URL" -> 0;
                    case "USER" -> 1;
                    default -> 2;
                }] = value;
            }
        });
        Map<String, DataSourceSpec> specs = new TreeMap<>();
        parts.forEach((name, spec) -> {
            if (spec[0] == null) {
                throw new IllegalStateException("SHARING_DATA_SOURCES_" + name.toUpperCase(Locale.ROOT)
                        + "_URL is missing");
            }
            specs.put(name, new DataSourceSpec(name, spec[0], spec[1], spec[2]));
        });
        return specs;
    }

    public record DataSourceSpec(String name, String url, String user, String password) {
        @Override
        public String toString() {
            return "DataSourceSpec[" + name + ", " + url + ", user=" + user + ", password=redacted]";
        }
    }
}
