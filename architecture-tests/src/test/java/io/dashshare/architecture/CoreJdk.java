package io.dashshare.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Arrays;

/**
 * The part of the JDK that the plain-Java core (domain, application, in-memory ports) may see:
 * values, collections, text, time and hashing. Not I/O ({@code java.io} but the readers that read
 * a list bundled in the jar, {@code java.nio.file}), not the network ({@code java.net} but its
 * text codecs: URI, IDN, URL encoding; not {@code java.net.http}), not SQL, not
 * reflection, not {@code SecureRandom} (randomness is the {@code RandomSource} port), not
 * {@code java.util.logging} ({@code System.Logger} is in {@code java.lang}). Widen deliberately.
 */
final class CoreJdk {

    /** java.lang.invoke and java.lang.runtime: what javac emits for lambdas, string concatenation and records. */
    static final String[] PACKAGES = {
        "java.lang", "java.lang.invoke", "java.lang.runtime",
        "java.util", "java.util.function", "java.util.stream", "java.util.regex", "java.util.concurrent..",
        "java.time..", "java.math", "java.nio.charset"
    };

    static final String[] CLASSES = {
        "java.net.URI", "java.net.IDN", "java.net.URLEncoder", "java.net.URLDecoder",
        // reading a resource of the jar itself (the free-mail domain list), never a file or a socket
        "java.io.InputStream", "java.io.InputStreamReader", "java.io.BufferedReader", "java.io.Reader",
        "java.io.IOException", "java.io.UncheckedIOException",
        "java.security.MessageDigest", "java.security.GeneralSecurityException", "java.security.NoSuchAlgorithmException"
    };

    /** What the application adds: the JDK's HMAC (one-time codes, refresh tokens) and the key type it takes. */
    static final String[] HMAC_PACKAGES = {"javax.crypto.."};
    static final String[] HMAC_CLASSES = {"java.security.Key"};

    private CoreJdk() {
    }

    /** For the domain and the in-memory ports. */
    static DescribedPredicate<JavaClass> core() {
        return anyOf(PACKAGES, CLASSES)
                .as("are in the core's JDK " + Arrays.toString(PACKAGES) + " or one of " + Arrays.toString(CLASSES));
    }

    /** For the application. */
    static DescribedPredicate<JavaClass> withHmac() {
        return anyOf(PACKAGES, CLASSES).or(anyOf(HMAC_PACKAGES, HMAC_CLASSES))
                .as("are in the core's JDK or its HMAC " + Arrays.toString(HMAC_PACKAGES) + " "
                        + Arrays.toString(HMAC_CLASSES));
    }

    private static DescribedPredicate<JavaClass> anyOf(String[] packages, String[] classNames) {
        DescribedPredicate<JavaClass> allowed = resideInAnyPackage(packages);
        for (String className : classNames) {
            allowed = allowed.or(name(className));
        }
        return allowed;
    }
}
