package io.github.dxfailover;

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
                        BASE + ".metrics..")
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
        noClasses().that().resideOutsideOfPackage(BASE)
                .should().dependOnClassesThat().resideInAPackage(BASE)
                .because("the handler adapts Lambda's input and output; nothing reaches back up into it")
                .check(MAIN);
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
