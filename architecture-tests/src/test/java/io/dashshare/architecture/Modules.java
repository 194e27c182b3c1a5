package io.dashshare.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Maven modules of the build, the package each one owns, and which module built a class.
 *
 * <p>A class's module is read from where its class file was imported, not from its package (the
 * package is what the rule checks): a module's {@code target/classes} directory while Maven
 * builds the reactor up to {@code test}, its jar ({@code <artifactId>-<version>.jar}, in
 * {@code target/} or a local repository) from {@code package} on. A location that is neither
 * belongs to no module, and the rule reports it rather than skip it.
 */
final class Modules {

    /**
     * Every module with production classes, by artifactId, and the package under the root that it
     * owns. A new module goes here, or its classes fail the rule as built by no module.
     */
    static final Map<String, String> PACKAGES = packages();

    /** A directory of compiled classes, as Maven lays it out: {@code <module>/target/classes/}. */
    private static final Pattern CLASSES_DIRECTORY = Pattern.compile("^file:.*/([^/]+)/target/classes/$");

    /** A jar as Maven names it, {@code <artifactId>-<version>[-classifier].jar}; versions start with a digit. */
    private static final Pattern JAR = Pattern.compile("^jar:.*/([^/]+?)-\\d[^/]*\\.jar!/$");

    private Modules() {
    }

    private static Map<String, String> packages() {
        Map<String, String> packages = new LinkedHashMap<>();
        packages.put("sharing-domain", "domain");
        packages.put("sharing-inmemory", "inmemory");
        packages.put("sharing-application", "application");
        packages.put("adapter-cache", "adapter.cache");
        packages.put("adapter-crypto", "adapter.crypto");
        packages.put("adapter-persistence", "adapter.persistence");
        packages.put("adapter-mail", "adapter.mail");
        packages.put("adapter-http", "adapter.http");
        packages.put("bootstrap", "bootstrap");
        return Map.copyOf(packages);
    }

    /**
     * A class under {@code root} must be built by a module of {@link #PACKAGES} and sit in the
     * package that module owns under {@code root}.
     */
    static ArchCondition<JavaClass> sitInTheirOwnPackage(String root) {
        return new ArchCondition<>("sit in the package of the module that builds them") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String origin = "Class <" + javaClass.getName() + "> ";
                Optional<String> builder = builderOf(javaClass).filter(PACKAGES::containsKey);
                if (builder.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(javaClass, origin + "is built by no module of the build"
                            + " (it comes from " + locationOf(javaClass) + ")"));
                    return;
                }
                String owned = root + "." + PACKAGES.get(builder.get());
                String actual = javaClass.getPackageName();
                if (!actual.equals(owned) && !actual.startsWith(owned + ".")) {
                    events.add(SimpleConditionEvent.violated(javaClass, origin + "is built by " + builder.get()
                            + " but sits outside its package " + owned));
                }
            }
        };
    }

    /** The artifactId of the module whose build put out {@code javaClass}, if its location says. */
    static Optional<String> builderOf(JavaClass javaClass) {
        return root(javaClass).flatMap(Modules::artifactAt);
    }

    /** Where the class was imported from, for messages: the directory or jar that holds it. */
    static String locationOf(JavaClass javaClass) {
        return root(javaClass).orElse("an unknown location");
    }

    /** The classpath entry the class came from: its class file's URI without the package path. */
    private static Optional<String> root(JavaClass javaClass) {
        String classFile = javaClass.getName().replace('.', '/') + ".class";
        return javaClass.getSource()
                .map(Source::getUri)
                .map(Object::toString)
                .filter(uri -> uri.endsWith(classFile))
                .map(uri -> uri.substring(0, uri.length() - classFile.length()));
    }

    private static Optional<String> artifactAt(String root) {
        for (Pattern layout : new Pattern[] {CLASSES_DIRECTORY, JAR}) {
            Matcher matcher = layout.matcher(root);
            if (matcher.matches()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}
