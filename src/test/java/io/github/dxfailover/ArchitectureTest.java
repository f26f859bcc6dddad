package io.github.dxfailover;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Who may depend on whom (CONTRIBUTING.md, "Code map"), over the compiled classes of src/main: the
 * pure decisions and the AWS adapters never reach up into the service or the operator text, the
 * decisions know no AWS SDK type, and the packages form no cycle.
 */
class ArchitectureTest {
    private static final String BASE = "io.github.dxfailover";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void decisionsAndAdaptersNeverDependOnTheServiceOrTheText() {
        noClasses().that().resideInAnyPackage(BASE + ".decision..", BASE + ".aws..", BASE + ".metrics..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".service..", BASE + ".text..")
                .because("adapters return values and throw typed failures, and decisions are pure; "
                        + "what they mean for an operator is the service's and the text's business")
                .check(MAIN);
    }

    @Test
    void decisionsKnowNoAwsSdkType() {
        noClasses().that().resideInAnyPackage(BASE + ".decision..", BASE + ".config..", BASE + ".result..",
                        BASE + ".metrics..", BASE + ".port..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .because("decisions are pure functions over records, tested as tables without any client")
                .check(MAIN);
    }

    @Test
    void theTextWordsValuesAndCallsNoService() {
        noClasses().that().resideInAPackage(BASE + ".text..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".service..", "software.amazon..")
                .because("every sentence is written from values, never while calling AWS")
                .check(MAIN);
    }

    @Test
    void onlyTheEntryPointIsAtTheRootAndNothingDependsOnIt() {
        classes().that().resideInAPackage(BASE).and().arePublic().and().areTopLevelClasses()
                .should().haveSimpleName("DxFailoverHandler").orShould().haveSimpleName("Telemetry")
                .because("the root holds the entry point and the log and metric lines it writes, nothing else")
                .check(MAIN);
        noClasses().that().resideOutsideOfPackage(BASE)
                .should().dependOnClassesThat().resideInAPackage(BASE)
                .because("the handler adapts Lambda's input and output; nothing reaches back up into it")
                .check(MAIN);
    }

    @Test
    void theServiceAsksAwsThroughItsPortsAndOnlyTheWiringNamesTheAdapters() {
        noClasses().that().resideInAPackage(BASE + ".service..").and().doNotHaveSimpleName("Wiring")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".aws..", "software.amazon..")
                .because("the service depends on the small interfaces of port, which tests hand in as in-memory fakes")
                .check(MAIN);
    }

    @Test
    void thePortsDependOnValuesOnly() {
        noClasses().that().resideInAPackage(BASE + ".port..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".aws..", BASE + ".service..",
                        BASE + ".text..", BASE + ".metrics..", BASE + ".input..", BASE + ".result..")
                .because("a port says what the service needs in the decisions' own values; the adapters implement it")
                .check(MAIN);
    }

    @Test
    void everyPortHasAnAdapter() {
        classes().that().resideInAPackage(BASE + ".port..").and().areInterfaces()
                .and().doNotHaveSimpleName("package-info")
                .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>(
                        "be implemented by an adapter of aws") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass port,
                                      com.tngtech.archunit.lang.ConditionEvents events) {
                        boolean implemented = port.getAllSubclasses().stream()
                                .anyMatch(c -> c.getPackageName().equals(BASE + ".aws"));
                        if (!implemented) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(port,
                                    port.getName() + " has no implementation in " + BASE + ".aws"));
                        }
                    }
                })
                .check(MAIN);
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
