package io.dashshare.domain.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The bundled list of free-mail domains (public-email-domains.txt beside this class). No
 * maintained Java library with such a list resolves from the registries this project builds
 * from, so the list is ours; an entry {@code gmx.*} stands for that provider under any
 * top-level domain, or a country's second level ({@code gmx.co.uk}).
 */
final class PublicEmailDomains {

    private static final Set<String> EXACT = new HashSet<>();
    private static final Set<String> ANY_SUFFIX = new HashSet<>();

    static {
        try (InputStream in = PublicEmailDomains.class.getResourceAsStream("public-email-domains.txt")) {
            if (in == null) {
                throw new IllegalStateException("public-email-domains.txt is missing from the domain jar");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String entry = line.strip().toLowerCase(Locale.ROOT);
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                if (entry.endsWith(".*")) {
                    ANY_SUFFIX.add(entry.substring(0, entry.length() - 2));
                } else {
                    EXACT.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PublicEmailDomains() {
    }

    static boolean contains(EmailDomain domain) {
        String name = domain.value();
        if (EXACT.contains(name)) {
            return true;
        }
        int dot = name.indexOf('.');
        return ANY_SUFFIX.contains(name.substring(0, dot)) && isCountryOrTopLevel(name.substring(dot + 1));
    }

    /** {@code de}, {@code com}, or a country's second level such as {@code co.uk} or {@code com.tr}. */
    private static boolean isCountryOrTopLevel(String suffix) {
        String[] labels = suffix.split("\\.");
        return labels.length == 1 || (labels.length == 2 && labels[1].length() == 2 && labels[0].length() <= 3);
    }
}
