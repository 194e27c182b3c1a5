package io.dashshare.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of {@link HexagonRules} on the production classes of every module (test classes,
 * including the violation fixtures, are not imported). A rule is only as good as the classes it
 * sees, so the modules and packages the rules constrain are first shown to have classes.
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
    void every_module_builds_classes_in_its_package() {
        // A module renamed or mislaid in Modules would otherwise hold its classes to nothing.
        Modules.PACKAGES.forEach((artifactId, relativePackage) ->
                assertThat(PRODUCTION.that(resideInAPackage(rules.pkg(relativePackage))))
                        .as("classes built by %s in %s", artifactId, rules.pkg(relativePackage))
                        .anyMatch(javaClass -> Modules.builderOf(javaClass).orElse("").equals(artifactId)));
    }

    @Test
    void the_packages_the_rules_name_within_modules_have_classes() {
        for (String relativePackage : new String[] {"domain.port", "application.port.in", "application.service",
            HexagonRules.GENERATED_JOOQ}) {
            assertThat(PRODUCTION.that(resideInAPackage(rules.pkg(relativePackage))))
                    .as("production classes in %s", rules.pkg(relativePackage))
                    .isNotEmpty();
        }
    }

    // --- the rules ----------------------------------------------------------------------------

    static Stream<String> ruleNames() {
        return new HexagonRules(HexagonRules.PRODUCTION_ROOT).all().keySet().stream();
    }

    /** Every rule of {@link HexagonRules#all()}, so that none is written and then never run. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleNames")
    void production_keeps_the_rule(String rule) {
        rules.all().get(rule).check(PRODUCTION);
    }
}
