package io.dashshare.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * The two places Maven puts a module's classes, rebuilt in a scratch directory from compiled
 * fixtures, so that {@link Modules} reads a fixture's module from a real location, as it does for
 * production. Fixtures must be top-level classes (one class file each).
 */
enum BuildOutput {

    /** {@code <module>/target/classes/}, what the reactor uses up to the test phase. */
    CLASSES_DIRECTORY {
        @Override
        JavaClasses of(Path reactor, String artifactId, Class<?>... types) throws IOException {
            Path classes = reactor.resolve(artifactId).resolve("target/classes");
            for (Class<?> type : types) {
                Path file = classes.resolve(classFile(type));
                Files.createDirectories(file.getParent());
                try (InputStream in = bytecode(type)) {
                    Files.copy(in, file);
                }
            }
            return new ClassFileImporter().importPath(classes);
        }
    },

    /** {@code <module>/target/<artifactId>-<version>.jar}, what it uses from the package phase on. */
    JAR {
        @Override
        JavaClasses of(Path reactor, String artifactId, Class<?>... types) throws IOException {
            Path jar = reactor.resolve(artifactId).resolve("target").resolve(artifactId + "-0.1.0-SNAPSHOT.jar");
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
                for (Class<?> type : types) {
                    out.putNextEntry(new JarEntry(classFile(type)));
                    try (InputStream in = bytecode(type)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            try (JarFile opened = new JarFile(jar.toFile())) {
                return new ClassFileImporter().importJar(opened);
            }
        }
    };

    /** Puts the class files of {@code types} where module {@code artifactId} would, under {@code reactor}, and imports them from there. */
    abstract JavaClasses of(Path reactor, String artifactId, Class<?>... types) throws IOException;

    private static String classFile(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    private static InputStream bytecode(Class<?> type) throws IOException {
        InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class");
        if (in == null) {
            throw new IOException("no class file for " + type.getName());
        }
        return in;
    }
}
