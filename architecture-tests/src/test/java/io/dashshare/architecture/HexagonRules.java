package io.dashshare.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dependency rules of the hexagon for the code under one root package. Production code
 * lives under {@code io.dashshare}; the violation fixtures mimic the same layout under
 * {@code io.dashshare.architecture.violations}, so every rule is proven against a deliberate
 * breach with exactly the logic that guards production.
 *
 * <p>Every rule refuses to pass on an empty selection ({@code allowEmptyShould(false)}): a rule on
 * a package that does not exist would otherwise pass forever.
 */
final class HexagonRules {

    static final String PRODUCTION_ROOT = "io.dashshare";
    static final String VIOLATIONS_ROOT = "io.dashshare.architecture.violations";

    /** Framework and library packages the plain-Java core must never see. */
    static final String[] FRAMEWORKS = {
        "io.micronaut..", "jakarta..", "javax.inject..", "org.jooq..", "org.slf4j..", "com.fasterxml.."
    };

    /** Where jOOQ generates its classes (the codegen target package of adapter-persistence). */
    static final String GENERATED_JOOQ = "adapter.persistence.jooq";

    private final String root;

    HexagonRules(String root) {
        this.root = root;
    }

    String pkg(String relative) {
        return root + "." + relative + "..";
    }

    /** Every rule by name, for tests that treat them alike. */
    Map<String, ArchRule> all() {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("domainUsesNoFramework", domainUsesNoFramework());
        rules.put("applicationUsesNoFramework", applicationUsesNoFramework());
        rules.put("domainDependsOnlyOnJdkAndItself", domainDependsOnlyOnJdkAndItself());
        rules.put("applicationDependsOnlyOnJdkDomainAndItself", applicationDependsOnlyOnJdkDomainAndItself());
        rules.put("adaptersDoNotDependOnEachOther", adaptersDoNotDependOnEachOther());
        rules.put("adaptersDoNotDependOnBootstrap", adaptersDoNotDependOnBootstrap());
        rules.put("adaptersUseOnlyDrivingPortsOfTheApplication", adaptersUseOnlyDrivingPortsOfTheApplication());
        rules.put("drivenAdaptersUseOnlyTheDomain", drivenAdaptersUseOnlyTheDomain());
        rules.put("modulesAreFreeOfCycles", modulesAreFreeOfCycles());
        rules.put("domainSubpackagesAreFreeOfCycles", domainSubpackagesAreFreeOfCycles());
        rules.put("generatedJooqCodeIsUsedOnlyByPersistence", generatedJooqCodeIsUsedOnlyByPersistence());
        rules.put("jooqTableClassesLiveInTheGeneratedPackage", jooqTableClassesLiveInTheGeneratedPackage());
        return rules;
    }

    ArchRule domainUsesNoFramework() {
        return noClasses().that().resideInAPackage(pkg("domain"))
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("the domain is a plain jar that other JVM applications reuse with their own adapters")
                .allowEmptyShould(false);
    }

    ArchRule applicationUsesNoFramework() {
        return noClasses().that().resideInAPackage(pkg("application"))
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("use cases are plain Java; bootstrap wires them in a Micronaut @Factory")
                .allowEmptyShould(false);
    }

    ArchRule domainDependsOnlyOnJdkAndItself() {
        return classes().that().resideInAPackage(pkg("domain"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(pkg("domain"), "java..")
                .because("the domain is the centre of the hexagon: it knows nothing but the JDK and its own language")
                .allowEmptyShould(false);
    }

    ArchRule applicationDependsOnlyOnJdkDomainAndItself() {
        // javax.crypto is the JDK's HMAC (one-time code hashing); widen this list deliberately.
        return classes().that().resideInAPackage(pkg("application"))
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(pkg("application"), pkg("domain"), "java..", "javax.crypto..")
                .because("use cases see the domain and the JDK, never an adapter or the bootstrap")
                .allowEmptyShould(false);
    }

    ArchRule adaptersDoNotDependOnEachOther() {
        return slices().matching(root + ".adapter.(*)..").namingSlices("adapter $1")
                .should().notDependOnEachOther()
                .because("adapters are replaceable one by one; they meet only in bootstrap")
                .allowEmptyShould(false);
    }

    ArchRule adaptersDoNotDependOnBootstrap() {
        return noClasses().that().resideInAPackage(pkg("adapter"))
                .should().dependOnClassesThat().resideInAPackage(pkg("bootstrap"))
                .because("bootstrap wires the adapters; the arrow never points back")
                .allowEmptyShould(false);
    }

    ArchRule adaptersUseOnlyDrivingPortsOfTheApplication() {
        DescribedPredicate<JavaClass> applicationInternals = resideInAPackage(pkg("application"))
                .and(not(resideInAPackage(pkg("application.port.in"))))
                .as("are application classes outside " + pkg("application.port.in")
                        + " (services, in-memory adapters, token codecs, settings)");
        return noClasses().that().resideInAPackage(pkg("adapter"))
                .should().dependOnClassesThat(applicationInternals)
                .because("driving adapters call use cases through their port.in interfaces only")
                .allowEmptyShould(false);
    }

    ArchRule drivenAdaptersUseOnlyTheDomain() {
        return noClasses().that().resideInAnyPackage(pkg("adapter.persistence"), pkg("adapter.mail"))
                .should().dependOnClassesThat().resideInAPackage(pkg("application"))
                .because("driven adapters implement the domain's ports and need nothing of the application")
                .allowEmptyShould(false);
    }

    ArchRule modulesAreFreeOfCycles() {
        return slices().assignedFrom(modules())
                .should().beFreeOfCycles()
                .allowEmptyShould(false);
    }

    ArchRule domainSubpackagesAreFreeOfCycles() {
        return slices().matching(root + ".domain.(*)..").namingSlices("domain.$1")
                .should().beFreeOfCycles()
                .allowEmptyShould(false);
    }

    ArchRule generatedJooqCodeIsUsedOnlyByPersistence() {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(pkg("adapter.persistence"))
                .should().dependOnClassesThat().resideInAPackage(pkg(GENERATED_JOOQ))
                .because("tables and records are the persistence adapter's private mapping, not a model to share")
                .allowEmptyShould(false);
    }

    /**
     * Ties the previous rule to reality: if jOOQ generated into another package, that rule would
     * watch an empty one. Subclasses of jOOQ's table, record, schema and catalog bases are
     * generated code and must sit in {@link #GENERATED_JOOQ}.
     */
    ArchRule jooqTableClassesLiveInTheGeneratedPackage() {
        DescribedPredicate<JavaClass> jooqGenerated = assignableTo("org.jooq.impl.TableImpl")
                .or(assignableTo("org.jooq.impl.TableRecordImpl"))
                .or(assignableTo("org.jooq.impl.SchemaImpl"))
                .or(assignableTo("org.jooq.impl.CatalogImpl"))
                .as("are jOOQ tables, records, schemas or catalogs");
        return classes().that().resideInAPackage(root + "..").and(jooqGenerated)
                .should().resideInAPackage(pkg(GENERATED_JOOQ))
                .allowEmptyShould(false);
    }

    /** One slice per Maven module: domain, application, adapter.http, adapter.persistence, ..., bootstrap. */
    private SliceAssignment modules() {
        String prefix = root + ".";
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (!name.startsWith(prefix)) {
                    return SliceIdentifier.ignore();
                }
                String[] parts = name.substring(prefix.length()).split("\\.");
                if (parts[0].equals("adapter") && parts.length > 1) {
                    return SliceIdentifier.of("adapter." + parts[1]);
                }
                return SliceIdentifier.of(parts[0]);
            }

            @Override
            public String getDescription() {
                return "modules under " + root;
            }
        };
    }
}
