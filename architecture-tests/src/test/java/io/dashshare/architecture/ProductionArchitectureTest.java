package io.dashshare.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link HexagonRules} on the production classes of every module (test classes,
 * including the violation fixtures, are not imported). A rule is only as good as the classes it
 * sees, so the packages each rule constrains are first shown to exist.
 */
class ProductionArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(HexagonRules.PRODUCTION_ROOT);

    private final HexagonRules rules = new HexagonRules(HexagonRules.PRODUCTION_ROOT);

    // --- the constrained packages exist -------------------------------------------------------

    @Test
    void the_import_holds_no_test_classes_and_no_violation_fixtures() {
        assertThat(PRODUCTION.that(resideInAPackage("io.dashshare.architecture.."))).isEmpty();
        assertThat(PRODUCTION.that(resideInAPackage("io.dashshare.domain.testing.."))).isEmpty();
    }

    @Test
    void sharing_domain_has_classes() {
        assertHasClasses("domain");
        assertHasClasses("domain.port");
    }

    @Test
    void sharing_application_has_driving_ports_and_services() {
        assertHasClasses("application");
        assertHasClasses("application.port.in");
        assertHasClasses("application.service");
    }

    @Test
    void adapter_mail_has_classes() {
        assertHasClasses("adapter.mail");
    }

    @Test
    void adapter_http_has_classes() {
        assertHasClasses("adapter.http");
    }

    @Test
    void adapter_persistence_has_classes() {
        assertHasClasses("adapter.persistence");
    }

    @Test
    void generated_jooq_code_is_where_the_rules_look_for_it() {
        assertHasClasses(HexagonRules.GENERATED_JOOQ);
    }

    @Test
    void bootstrap_has_classes() {
        assertHasClasses("bootstrap");
    }

    // --- the rules ----------------------------------------------------------------------------

    @Test
    void domain_uses_no_framework() {
        rules.domainUsesNoFramework().check(PRODUCTION);
    }

    @Test
    void application_uses_no_framework() {
        rules.applicationUsesNoFramework().check(PRODUCTION);
    }

    @Test
    void domain_depends_only_on_the_jdk_and_itself() {
        rules.domainDependsOnlyOnJdkAndItself().check(PRODUCTION);
    }

    @Test
    void application_depends_only_on_the_jdk_the_domain_and_itself() {
        rules.applicationDependsOnlyOnJdkDomainAndItself().check(PRODUCTION);
    }

    @Test
    void adapters_do_not_depend_on_each_other() {
        rules.adaptersDoNotDependOnEachOther().check(PRODUCTION);
    }

    @Test
    void adapters_do_not_depend_on_bootstrap() {
        rules.adaptersDoNotDependOnBootstrap().check(PRODUCTION);
    }

    @Test
    void adapters_use_only_the_driving_ports_of_the_application() {
        rules.adaptersUseOnlyDrivingPortsOfTheApplication().check(PRODUCTION);
    }

    @Test
    void driven_adapters_use_only_the_domain() {
        rules.drivenAdaptersUseOnlyTheDomain().check(PRODUCTION);
    }

    @Test
    void modules_are_free_of_cycles() {
        rules.modulesAreFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void domain_subpackages_are_free_of_cycles() {
        rules.domainSubpackagesAreFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void generated_jooq_code_is_used_only_by_persistence() {
        rules.generatedJooqCodeIsUsedOnlyByPersistence().check(PRODUCTION);
    }

    @Test
    void jooq_table_classes_live_in_the_generated_package() {
        rules.jooqTableClassesLiveInTheGeneratedPackage().check(PRODUCTION);
    }

    private void assertHasClasses(String relativePackage) {
        assertThat(PRODUCTION.that(resideInAPackage(rules.pkg(relativePackage))))
                .as("production classes in %s", rules.pkg(relativePackage))
                .isNotEmpty();
    }
}
