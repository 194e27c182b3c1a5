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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

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

    /** Where jOOQ generates its classes (the codegen target package of adapter-persistence). */
    static final String GENERATED_JOOQ = "adapter.persistence.jooq";

    /** The one driving adapter; every other adapter is driven. */
    static final String DRIVING_ADAPTER = "adapter.http";

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
        rules.put("domainDependsOnlyOnJdkAndItself", domainDependsOnlyOnJdkAndItself());
        rules.put("applicationDependsOnlyOnJdkDomainAndItself", applicationDependsOnlyOnJdkDomainAndItself());
        rules.put("servicesSeeOnlyDrivingPortsTheDomainAndTheJdk", servicesSeeOnlyDrivingPortsTheDomainAndTheJdk());
        rules.put("useCasesAreInterfacesInTheDrivingPorts", useCasesAreInterfacesInTheDrivingPorts());
        rules.put("inMemoryPortsDependOnlyOnTheDomainAndTheJdk", inMemoryPortsDependOnlyOnTheDomainAndTheJdk());
        rules.put("adaptersDoNotDependOnEachOther", adaptersDoNotDependOnEachOther());
        rules.put("adaptersDoNotDependOnBootstrap", adaptersDoNotDependOnBootstrap());
        rules.put("adaptersUseOnlyDrivingPortsOfTheApplication", adaptersUseOnlyDrivingPortsOfTheApplication());
        rules.put("drivenAdaptersUseOnlyTheDomain", drivenAdaptersUseOnlyTheDomain());
        rules.put("modulesAreFreeOfCycles", modulesAreFreeOfCycles());
        rules.put("subpackagesOfEveryModuleAreFreeOfCycles", subpackagesOfEveryModuleAreFreeOfCycles());
        rules.put("classesSitInThePackageOfTheirModule", classesSitInThePackageOfTheirModule());
        rules.put("generatedJooqCodeIsUsedOnlyByPersistence", generatedJooqCodeIsUsedOnlyByPersistence());
        rules.put("jooqTableClassesLiveInTheGeneratedPackage", jooqTableClassesLiveInTheGeneratedPackage());
        return rules;
    }

    /** Also keeps every framework out of the domain: none of them is in the allow-list. */
    ArchRule domainDependsOnlyOnJdkAndItself() {
        return classes().that().resideInAPackage(pkg("domain"))
                .should().onlyDependOnClassesThat(resideInAPackage(pkg("domain")).or(CoreJdk.core()))
                .because("the domain is the centre of the hexagon, a plain jar that other JVM applications reuse:"
                        + " it knows nothing but the JDK and its own language")
                .allowEmptyShould(false);
    }

    /** Also keeps every framework out of the use cases; bootstrap wires them in a Micronaut @Factory. */
    ArchRule applicationDependsOnlyOnJdkDomainAndItself() {
        return classes().that().resideInAPackage(pkg("application"))
                .should().onlyDependOnClassesThat(resideInAnyPackage(pkg("application"), pkg("domain"))
                        .or(CoreJdk.withHmac()))
                .because("use cases are plain Java that see the domain and the JDK, never an adapter or the bootstrap")
                .allowEmptyShould(false);
    }

    ArchRule servicesSeeOnlyDrivingPortsTheDomainAndTheJdk() {
        return classes().that().resideInAPackage(pkg("application.service"))
                .should().onlyDependOnClassesThat(
                        resideInAnyPackage(pkg("application.service"), pkg("application.port.in"), pkg("domain"))
                                .or(CoreJdk.withHmac()))
                .because("a service implements its use case with the domain's ports and rules; anything else the"
                        + " application held would be a second, unguarded way in")
                .allowEmptyShould(false);
    }

    ArchRule useCasesAreInterfacesInTheDrivingPorts() {
        return classes().that().resideInAPackage(root + "..").and().haveSimpleNameEndingWith("UseCase")
                .should().beInterfaces().andShould().resideInAPackage(pkg("application.port.in"))
                .because("a use case is a driving port: the interface a driving adapter calls, implemented by a service")
                .allowEmptyShould(false);
    }

    ArchRule inMemoryPortsDependOnlyOnTheDomainAndTheJdk() {
        return classes().that().resideInAPackage(pkg("inmemory"))
                .should().onlyDependOnClassesThat(resideInAnyPackage(pkg("inmemory"), pkg("domain")).or(CoreJdk.core()))
                .because("the in-memory ports ship to applications that embed the domain without a database,"
                        + " so they carry no framework and no application")
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
                .as("are application classes outside " + pkg("application.port.in"));
        return noClasses().that().resideInAPackage(pkg("adapter"))
                .should().dependOnClassesThat(applicationInternals)
                .because("driving adapters call use cases through their port.in interfaces only")
                .allowEmptyShould(false);
    }

    /** Every adapter but the driving one, so that a new adapter module is driven until said otherwise. */
    ArchRule drivenAdaptersUseOnlyTheDomain() {
        return noClasses().that().resideInAPackage(pkg("adapter")).and().resideOutsideOfPackage(pkg(DRIVING_ADAPTER))
                .should().dependOnClassesThat().resideInAPackage(pkg("application"))
                .because("driven adapters implement the domain's ports and need nothing of the application")
                .allowEmptyShould(false);
    }

    ArchRule modulesAreFreeOfCycles() {
        return slices().assignedFrom(slicing("modules", Module::name))
                .should().beFreeOfCycles()
                .allowEmptyShould(false);
    }

    /**
     * A module's own package and each of its first-level subpackages are one slice each
     * ({@code adapter.persistence}, {@code adapter.persistence.query}, ...). Deeper packages belong
     * to their first-level one, so jOOQ's generated code, whose schema and tables refer to each
     * other, counts as one slice.
     */
    ArchRule subpackagesOfEveryModuleAreFreeOfCycles() {
        return slices().assignedFrom(slicing("subpackages of every module", Module::subpackage))
                .should().beFreeOfCycles()
                .allowEmptyShould(false);
    }

    /** Reads a class's module from where it was built ({@link Modules}), and holds it to that module's package. */
    ArchRule classesSitInThePackageOfTheirModule() {
        return classes().that().resideInAPackage(root + "..")
                .should(Modules.sitInTheirOwnPackage(root))
                .because("the package tells which module a class is in, so that the package rules are the module rules")
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

    /** Where a class sits under the root: its module (domain, adapter.http, ...) and the first package below it, if any. */
    private record Module(String name, String below) {

        String subpackage() {
            return below.isEmpty() ? name : name + "." + below;
        }
    }

    private SliceAssignment slicing(String description, Function<Module, String> slice) {
        String prefix = root + ".";
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (!name.startsWith(prefix)) {
                    return SliceIdentifier.ignore();
                }
                String[] parts = name.substring(prefix.length()).split("\\.");
                int moduleParts = parts[0].equals("adapter") && parts.length > 1 ? 2 : 1;
                String module = String.join(".", Arrays.copyOf(parts, moduleParts));
                String below = parts.length > moduleParts ? parts[moduleParts] : "";
                return SliceIdentifier.of(slice.apply(new Module(module, below)));
            }

            @Override
            public String getDescription() {
                return description + " under " + root;
            }
        };
    }
}
