package io.dashshare.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.dashshare.architecture.violations.adapter.cache.bad.UsesDrivingPort;
import io.dashshare.architecture.violations.adapter.crypto.bad.UsesApplicationService;
import io.dashshare.architecture.violations.adapter.http.ShareController;
import io.dashshare.architecture.violations.adapter.http.bad.BuiltByAdapterMail;
import io.dashshare.architecture.violations.adapter.http.bad.UsesPersistenceAdapter;
import io.dashshare.architecture.violations.adapter.mail.CodeMailer;
import io.dashshare.architecture.violations.adapter.mail.bad.UsesBootstrap;
import io.dashshare.architecture.violations.adapter.persistence.CyclesThroughQuery;
import io.dashshare.architecture.violations.adapter.persistence.ShareTableMapper;
import io.dashshare.architecture.violations.adapter.persistence.bad.HandWrittenTable;
import io.dashshare.architecture.violations.adapter.persistence.cyclequery.UsesPersistenceRoot;
import io.dashshare.architecture.violations.adapter.persistence.jooq.ShareTable;
import io.dashshare.architecture.violations.application.bad.UsesAdapter;
import io.dashshare.architecture.violations.application.bad.UsesHttpClient;
import io.dashshare.architecture.violations.application.bad.UsesSlf4jInUseCase;
import io.dashshare.architecture.violations.application.port.in.ShareUseCase;
import io.dashshare.architecture.violations.application.port.in.bad.RevokeShareUseCase;
import io.dashshare.architecture.violations.application.service.CodeHasher;
import io.dashshare.architecture.violations.application.service.ShareService;
import io.dashshare.architecture.violations.application.service.bad.ListSharesUseCase;
import io.dashshare.architecture.violations.application.service.bad.UsesSettings;
import io.dashshare.architecture.violations.bootstrap.bad.UsesGeneratedJooq;
import io.dashshare.architecture.violations.domain.bad.UsesApplication;
import io.dashshare.architecture.violations.domain.bad.UsesFile;
import io.dashshare.architecture.violations.domain.bad.UsesJackson;
import io.dashshare.architecture.violations.domain.bad.UsesJakarta;
import io.dashshare.architecture.violations.domain.bad.UsesJavaSql;
import io.dashshare.architecture.violations.domain.bad.UsesJavaxInject;
import io.dashshare.architecture.violations.domain.bad.UsesJooq;
import io.dashshare.architecture.violations.domain.bad.UsesMicronaut;
import io.dashshare.architecture.violations.domain.bad.UsesSecureRandom;
import io.dashshare.architecture.violations.domain.bad.UsesSlf4j;
import io.dashshare.architecture.violations.domain.cyclea.Left;
import io.dashshare.architecture.violations.domain.cycleb.Right;
import io.dashshare.architecture.violations.domain.share.ShareLink;
import io.dashshare.architecture.violations.inmemory.InMemoryShares;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Breaks every rule on purpose: each rule, built exactly as for production but rooted at the
 * fixture package, must name the fixture written to break it, and must not name the
 * well-behaved stand-ins. A rule that cannot fail here guards nothing in production.
 */
class RulesCatchViolationsTest {

    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(HexagonRules.VIOLATIONS_ROOT);

    private final HexagonRules rules = new HexagonRules(HexagonRules.VIOLATIONS_ROOT);

    /** Where the module rule's fixtures are laid out as a module's build would lay them out. */
    @TempDir
    Path reactor;

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
        assertThat(reportOf(rules.domainDependsOnlyOnJdkAndItself()))
                .anyMatch(line -> isFrom(line, fixture) && line.contains("<" + framework));
    }

    static Stream<Arguments> jdkOutsideTheCore() {
        return Stream.of(
                Arguments.of(UsesJavaSql.class, "java.sql.Connection"),
                Arguments.of(UsesFile.class, "java.io.File"),
                Arguments.of(UsesSecureRandom.class, "java.security.SecureRandom"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("jdkOutsideTheCore")
    void domain_on_the_jdk_outside_the_core_is_caught(Class<?> fixture, String jdkClass) {
        assertThat(reportOf(rules.domainDependsOnlyOnJdkAndItself()))
                .anyMatch(line -> isFrom(line, fixture) && line.contains("<" + jdkClass + ">"));
    }

    @Test
    void domain_on_the_core_jdk_is_allowed() {
        assertNotReportedFrom(rules.domainDependsOnlyOnJdkAndItself(), ShareLink.class);
    }

    @Test
    void domain_on_the_application_is_caught() {
        assertReportedFrom(rules.domainDependsOnlyOnJdkAndItself(), UsesApplication.class);
    }

    @Test
    void application_on_an_adapter_a_framework_or_the_jdk_http_client_is_caught() {
        ArchRule rule = rules.applicationDependsOnlyOnJdkDomainAndItself();
        assertReportedFrom(rule, UsesAdapter.class);
        assertReportedFrom(rule, UsesSlf4jInUseCase.class);
        assertThat(reportOf(rule)).anyMatch(line -> isFrom(line, UsesHttpClient.class) && line.contains("<java.net.http."));
        assertNotReportedFrom(rule, ShareService.class);
        assertNotReportedFrom(rule, CodeHasher.class);
    }

    @Test
    void a_service_on_the_application_outside_the_driving_ports_is_caught() {
        ArchRule rule = rules.servicesSeeOnlyDrivingPortsTheDomainAndTheJdk();
        assertReportedFrom(rule, UsesSettings.class);
        assertNotReportedFrom(rule, ShareService.class);
        assertNotReportedFrom(rule, CodeHasher.class);
        // the same dependency is the module rule's business only when it leaves the application
        assertNotReportedFrom(rules.applicationDependsOnlyOnJdkDomainAndItself(), UsesSettings.class);
    }

    @Test
    void a_use_case_outside_the_driving_ports_or_not_an_interface_is_caught() {
        ArchRule rule = rules.useCasesAreInterfacesInTheDrivingPorts();
        assertReportedFrom(rule, ListSharesUseCase.class);
        assertReportedFrom(rule, RevokeShareUseCase.class);
        assertNotReportedFrom(rule, ShareUseCase.class);
    }

    @Test
    void in_memory_ports_on_the_application_are_caught() {
        ArchRule rule = rules.inMemoryPortsDependOnlyOnTheDomainAndTheJdk();
        assertReportedFrom(rule, io.dashshare.architecture.violations.inmemory.bad.UsesDrivingPort.class);
        assertNotReportedFrom(rule, InMemoryShares.class);
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
        assertReportedFrom(rule, io.dashshare.architecture.violations.adapter.http.bad.UsesApplicationService.class);
        assertNotReportedFrom(rule, ShareController.class);
    }

    @Test
    void any_driven_adapter_on_the_application_is_caught_but_the_driving_one_is_allowed() {
        ArchRule rule = rules.drivenAdaptersUseOnlyTheDomain();
        assertReportedFrom(rule, io.dashshare.architecture.violations.adapter.persistence.bad.UsesDrivingPort.class);
        assertReportedFrom(rule, UsesDrivingPort.class);
        assertReportedFrom(rule, UsesApplicationService.class);
        assertNotReportedFrom(rule, ShareTableMapper.class);
        assertNotReportedFrom(rule, ShareController.class);
    }

    @Test
    void a_cycle_between_modules_is_caught() {
        // domain.bad.UsesApplication -> application.port.in.ShareUseCase -> domain.share.Share
        assertCycleThrough(rules.modulesAreFreeOfCycles(), UsesApplication.class);
    }

    @Test
    void a_cycle_between_subpackages_of_a_module_is_caught() {
        ArchRule rule = rules.subpackagesOfEveryModuleAreFreeOfCycles();
        assertCycleThrough(rule, Left.class);
        assertCycleThrough(rule, Right.class);
        // a module's own package is a slice too: persistence <-> persistence.query was one of these
        assertCycleThrough(rule, CyclesThroughQuery.class);
        assertCycleThrough(rule, UsesPersistenceRoot.class);
    }

    @Test
    void generated_jooq_code_used_outside_persistence_is_caught() {
        assertReportedFrom(rules.generatedJooqCodeIsUsedOnlyByPersistence(), UsesGeneratedJooq.class);
        assertNotReportedFrom(rules.generatedJooqCodeIsUsedOnlyByPersistence(), ShareTableMapper.class);
    }

    @Test
    void a_jooq_table_outside_the_generated_package_is_caught() {
        ArchRule rule = rules.jooqTableClassesLiveInTheGeneratedPackage();
        assertReportedFrom(rule, HandWrittenTable.class);
        assertNotReportedFrom(rule, ShareTable.class);
    }

    @ParameterizedTest
    @EnumSource(BuildOutput.class)
    void a_class_built_by_a_module_whose_package_it_is_not_in_is_caught(BuildOutput output) throws Exception {
        JavaClasses built = output.of(reactor, "adapter-mail", BuiltByAdapterMail.class, CodeMailer.class);
        List<String> report = reportOf(rules.classesSitInThePackageOfTheirModule(), built);
        assertThat(report).anyMatch(line -> isFrom(line, BuiltByAdapterMail.class)
                && line.contains("built by adapter-mail but sits outside its package " + HexagonRules.VIOLATIONS_ROOT
                        + ".adapter.mail"));
        assertThat(report).noneMatch(line -> isFrom(line, CodeMailer.class));
    }

    @Test
    void a_class_built_by_no_module_of_the_build_is_caught() throws Exception {
        // the fixtures themselves come from architecture-tests' test classes, which no production module builds
        assertThat(reportOf(rules.classesSitInThePackageOfTheirModule()))
                .anyMatch(line -> isFrom(line, ShareController.class) && line.contains("built by no module"));
        JavaClasses unknownModule = BuildOutput.JAR.of(reactor, "adapter-sms", CodeMailer.class);
        assertThat(reportOf(rules.classesSitInThePackageOfTheirModule(), unknownModule))
                .anyMatch(line -> isFrom(line, CodeMailer.class) && line.contains("built by no module"));
    }

    @Test
    void every_rule_is_proven_here() {
        // A rule added to HexagonRules without a breach above would pass unproven.
        assertThat(rules.all()).hasSize(14);
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

    /** Violations read "Field <origin> has type <target> ..." or "Class <origin> ...": the first member named. */
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
        return reportOf(rule, FIXTURES);
    }

    private static List<String> reportOf(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return result.getFailureReport().getDetails();
    }
}
