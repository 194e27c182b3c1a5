package io.dashshare.bootstrap.config;

import io.micronaut.core.convert.ConversionService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The run contract of README.md#configuration, read from environment variables (or, for tests, from any
 * map of the same names) before the application context starts, because the embedded database
 * and the secrets must exist before the data source and the token keys are created.
 */
public record ServiceConfig(Map<String, String> env) {

    public static ServiceConfig fromEnvironment() {
        return new ServiceConfig(System.getenv());
    }

    public Optional<String> get(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * A duration setting ({@code 60s}, {@code 500ms}, {@code 2m}, or ISO-8601), read with
     * Micronaut's own conversion so that it means what the same text means in a property.
     */
    public Duration duration(String name, Duration fallback) {
        return get(name).map(text -> ConversionService.SHARED.convert(text, Duration.class)
                        .filter(value -> !value.isNegative())
                        .orElseThrow(() -> new IllegalStateException(name + " is not a duration such as 60s or 500ms: "
                                + text)))
                .orElse(fallback);
    }

    public int port() {
        return get("PORT").map(text -> {
            try {
                int port = Integer.parseInt(text);
                if (port >= 0 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // the message below
            }
            throw new IllegalStateException("PORT is not a port number (0 to 65535): " + text);
        }).orElse(8080);
    }

    /**
     * A switch: {@code true}/{@code false} (also {@code yes}/{@code no}, {@code on}/{@code off}), any
     * other word an error rather than {@code false} ({@code SHARING_DEMO=ture} is a typo, not "no").
     */
    public boolean flag(String name, boolean fallback) {
        return get(name).map(text -> switchValue(text).orElseThrow(() -> new IllegalStateException(
                name + " is not true or false (yes/no, on/off): " + text))).orElse(fallback);
    }

    /** The words a switch may be (SettingsCheck holds Micronaut's settings to the same). */
    static Optional<Boolean> switchValue(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Optional.of(true);
            case "false", "no", "off" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    public Path dataDir() {
        return Path.of(get("SHARING_DATA_DIR").orElse("./data")).toAbsolutePath().normalize();
    }

    /**
     * {@code SHARING_ENV}: {@code dev} (the default) or {@code production}, any other word an error
     * ({@code SHARING_ENV=prod} used to start a dev service: console codes, a generated secret).
     */
    public boolean production() {
        return environmentName().equals("production");
    }

    public String environmentName() {
        return get("SHARING_ENV").map(text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "dev", "production" -> text.toLowerCase(Locale.ROOT);
            default -> throw new IllegalStateException("SHARING_ENV is dev or production, not: " + text);
        }).orElse("dev");
    }

    public boolean embeddedDatabase() {
        return get("SHARING_DB_URL").isEmpty();
    }

    /** The demo is seeded by default on the embedded database only. */
    public boolean demo() {
        return flag("SHARING_DEMO", embeddedDatabase());
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

    /**
     * The company to create at start if no company has its slug (docs/operations.md, first
     * company): {@code SHARING_BOOTSTRAP_COMPANY_SLUG} and {@code _NAME} with the admin's
     * {@code SHARING_ADMIN_EMAIL} and {@code SHARING_ADMIN_PASSWORD}, all four required together.
     * The demo's company is {@code acme} unless named; its password may be left to generate.
     */
    public Optional<BootstrapCompany> bootstrapCompany() {
        Optional<String> slug = get("SHARING_BOOTSTRAP_COMPANY_SLUG");
        if (slug.isEmpty() && !demo()) {
            return Optional.empty();
        }
        String name = get("SHARING_BOOTSTRAP_COMPANY_NAME").orElse(slug.isEmpty() ? "Acme" : null);
        if (name == null) {
            throw new IllegalStateException("SHARING_BOOTSTRAP_COMPANY_SLUG needs SHARING_BOOTSTRAP_COMPANY_NAME");
        }
        if (!demo() && (get("SHARING_ADMIN_EMAIL").isEmpty() || adminPassword().isEmpty())) {
            throw new IllegalStateException("SHARING_BOOTSTRAP_COMPANY_SLUG needs SHARING_ADMIN_EMAIL and "
                    + "SHARING_ADMIN_PASSWORD: the company's first admin");
        }
        return Optional.of(new BootstrapCompany(slug.orElse("acme"), name, adminEmail(), adminPassword()));
    }

    /** What the bootstrap variables name; {@code adminPassword} is empty only in the demo (then generated). */
    public record BootstrapCompany(String slug, String name, String adminEmail, Optional<String> adminPassword) {
        @Override
        public String toString() {
            return "BootstrapCompany[" + slug + ", " + adminEmail + ", password=redacted]";
        }
    }
}
