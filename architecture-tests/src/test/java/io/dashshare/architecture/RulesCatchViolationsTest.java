package io.dashshare.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.dashshare.architecture.violations.adapter.http.bad.UsesApplicationService;
import io.dashshare.architecture.violations.adapter.http.bad.UsesPersistenceAdapter;
import io.dashshare.architecture.violations.adapter.mail.bad.UsesBootstrap;
import io.dashshare.architecture.violations.adapter.persistence.bad.HandWrittenTable;
import io.dashshare.architecture.violations.adapter.persistence.bad.UsesDrivingPort;
import io.dashshare.architecture.violations.application.bad.UsesAdapter;
import io.dashshare.architecture.violations.application.bad.UsesSlf4jInUseCase;
import io.dashshare.architecture.violations.bootstrap.bad.UsesGeneratedJooq;
import io.dashshare.architecture.violations.domain.bad.UsesApplication;
import io.dashshare.architecture.violations.domain.bad.UsesJackson;
import io.dashshare.architecture.violations.domain.bad.UsesJakarta;
import io.dashshare.architecture.violations.domain.bad.UsesJavaxInject;
import io.dashshare.architecture.violations.domain.bad.UsesJooq;
import io.dashshare.architecture.violations.domain.bad.UsesMicronaut;
import io.dashshare.architecture.violations.domain.bad.UsesSlf4j;
import io.dashshare.architecture.violations.domain.cyclea.Left;
import io.dashshare.architecture.violations.domain.cycleb.Right;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Breaks every rule on purpose: each rule, built exactly as for production but rooted at the
 * fixture package, must name the fixture written to break it, and must not name the
 * well-behaved stand-ins. A rule that cannot fail here guards nothing in production.
 */
class RulesCatchViolationsTest {

    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(HexagonRules.VIOLATIONS_ROOT);

    private final HexagonRules rules = new HexagonRules(HexagonRules.VIOLATIONS_ROOT);

    static Stream<Arguments> frameworks() {
        return Stream.of(
                Arguments.of(UsesMicronaut.class, "io.micronaut"),
                Arguments.of(UsesJakarta.class, "jakarta.inject"),
                Arguments.of(UsesJavaxInject.class, "javax.inject"),
                Arguments.of(UsesJooq.class, "org.jooq"),
                Arguments.of(UsesSlf4j.class, "org.slf4j"),
                Arguments.of(UsesJackson.class, "com.fasterxml.jackson"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("frameworks")
    void domain_on_a_framework_is_caught(Class<?> fixture, String framework) {
        assertThat(reportOf(rules.domainUsesNoFramework()))
                .anyMatch(line -> isFrom(line, fixture) && line.contains("<" + framework));
    }

    @Test
    void application_on_a_framework_is_caught() {
        assertReportedFrom(rules.applicationUsesNoFramework(), UsesSlf4jInUseCase.class);
    }

    @Test
    void framework_rules_do_not_flag_the_framework_free_breaches() {
        assertNotReportedFrom(rules.domainUsesNoFramework(), UsesApplication.class);
        assertNotReportedFrom(rules.applicationUsesNoFramework(), UsesAdapter.class);
    }

    @Test
    void domain_on_the_application_is_caught() {
        assertReportedFrom(rules.domainDependsOnlyOnJdkAndItself(), UsesApplication.class);
        assertReportedFrom(rules.domainDependsOnlyOnJdkAndItself(), UsesMicronaut.class);
    }

    @Test
    void application_on_an_adapter_is_caught() {
        assertReportedFrom(rules.applicationDependsOnlyOnJdkDomainAndItself(), UsesAdapter.class);
        assertNotReportedFrom(rules.applicationDependsOnlyOnJdkDomainAndItself(),
                io.dashshare.architecture.violations.application.service.ShareService.class);
    }

    @Test
    void adapter_on_another_adapter_is_caught() {
        assertReportedFrom(rules.adaptersDoNotDependOnEachOther(), UsesPersistenceAdapter.class);
    }

    @Test
    void adapter_on_bootstrap_is_caught() {
        assertReportedFrom(rules.adaptersDoNotDependOnBootstrap(), UsesBootstrap.class);
    }

    @Test
    void adapter_on_an_application_service_is_caught_but_a_driving_port_is_allowed() {
        ArchRule rule = rules.adaptersUseOnlyDrivingPortsOfTheApplication();
        assertReportedFrom(rule, UsesApplicationService.class);
        assertNotReportedFrom(rule, io.dashshare.architecture.violations.adapter.http.ShareController.class);
    }

    @Test
    void driven_adapter_on_a_driving_port_is_caught() {
        assertReportedFrom(rules.drivenAdaptersUseOnlyTheDomain(), UsesDrivingPort.class);
        assertNotReportedFrom(rules.drivenAdaptersUseOnlyTheDomain(),
                io.dashshare.architecture.violations.adapter.persistence.ShareTableMapper.class);
    }

    @Test
    void a_cycle_between_modules_is_caught() {
        // domain.bad.UsesApplication -> application.port.in.ShareUseCase -> domain.share.Share
        assertCycleThrough(rules.modulesAreFreeOfCycles(), UsesApplication.class);
    }

    @Test
    void a_cycle_between_domain_subpackages_is_caught() {
        assertCycleThrough(rules.domainSubpackagesAreFreeOfCycles(), Left.class);
        assertCycleThrough(rules.domainSubpackagesAreFreeOfCycles(), Right.class);
    }

    @Test
    void generated_jooq_code_used_outside_persistence_is_caught() {
        assertReportedFrom(rules.generatedJooqCodeIsUsedOnlyByPersistence(), UsesGeneratedJooq.class);
        assertNotReportedFrom(rules.generatedJooqCodeIsUsedOnlyByPersistence(),
                io.dashshare.architecture.violations.adapter.persistence.ShareTableMapper.class);
    }

    @Test
    void a_jooq_table_outside_the_generated_package_is_caught() {
        ArchRule rule = rules.jooqTableClassesLiveInTheGeneratedPackage();
        assertReportedFrom(rule, HandWrittenTable.class);
        assertNotReportedFrom(rule, io.dashshare.architecture.violations.adapter.persistence.jooq.ShareTable.class);
    }

    @Test
    void every_rule_is_proven_here() {
        // A rule added to HexagonRules without a breach above would pass unproven.
        assertThat(rules.all()).hasSize(12);
        rules.all().forEach((name, rule) ->
                assertThat(rule.evaluate(FIXTURES).hasViolation()).as(name).isTrue());
    }

    @Test
    void every_rule_fails_when_the_classes_it_constrains_do_not_exist() {
        for (Map.Entry<String, ArchRule> rule : new HexagonRules(HexagonRules.VIOLATIONS_ROOT + ".nowhere").all().entrySet()) {
            assertThatThrownBy(() -> rule.getValue().evaluate(FIXTURES))
                    .as(rule.getKey())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("failed to check any classes");
        }
    }

    /** The fixture is where a reported dependency starts, not merely where one ends. */
    private static void assertReportedFrom(ArchRule rule, Class<?> fixture) {
        assertThat(reportOf(rule)).as(rule.getDescription()).anyMatch(line -> isFrom(line, fixture));
    }

    private static void assertNotReportedFrom(ArchRule rule, Class<?> wellBehaved) {
        assertThat(reportOf(rule)).as(rule.getDescription()).noneMatch(line -> isFrom(line, wellBehaved));
    }

    /** A cycle report lists every dependency along the cycle; the fixture must be one of them. */
    private static void assertCycleThrough(ArchRule rule, Class<?> fixture) {
        assertThat(reportOf(rule)).as(rule.getDescription())
                .anyMatch(cycle -> cycle.startsWith("Cycle detected") && cycle.contains("<" + fixture.getName()));
    }

    /** Dependency violations read "Field <origin> has type <target> ...": the first member named. */
    private static boolean isFrom(String line, Class<?> type) {
        int start = line.indexOf('<');
        int end = line.indexOf('>', start + 1);
        if (start < 0 || end < 0) {
            return false;
        }
        String origin = line.substring(start + 1, end);
        String name = type.getName();
        return origin.equals(name) || origin.startsWith(name + ".") || origin.startsWith(name + "$");
    }

    private static List<String> reportOf(ArchRule rule) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return result.getFailureReport().getDetails();
    }
}
