package io.github.dxfailover;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.dxfailover.decision.Alarm;
import io.github.dxfailover.decision.HealthEvent;
import io.github.dxfailover.decision.OperatorCommand;
import io.github.dxfailover.decision.Trigger;
import io.github.dxfailover.decision.VifDimension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Who may depend on whom (CONTRIBUTING.md, "Code map"), over the compiled classes of src/main: the
 * pure decisions and the AWS adapters never reach up into the service or the operator text, the
 * decisions know no AWS SDK type, the text words values only, the parser knows nothing downstream and reads no rule of
 * the decisions, the adapters know no input nor result, and the packages form no cycle.
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
    void theTextWordsValuesOnlyAndKnowsNoAdapterNorInput() {
        String because = "a sentence is written from the values of decision, config, result and port; an AWS error "
                + "code it words is part of the port's contract (port.Topic), not of one adapter, so that a fake of "
                + "the port, or another adapter, is worded the same";
        knowsNone("text", because, "aws", "service", "input");
    }

    @Test
    void theInputReadsThePayloadAndKnowsNothingDownstream() {
        String because = "the parser only turns the payload into a Request: its problems are its own "
                + "(Request.Invalid), it calls no AWS and answers nothing; the service does the rest";
        knowsNone("input", because, "aws", "service", "text", "result", "port", "metrics");
    }

    @Test
    void theInputBuildsTheTriggersAndReadsNoRuleOfTheDecisions() {
        String because = "how a payload is read (the envelope's source and detail-type, a Health window without an "
                + "end) is the parser's fact, written in input; the decisions' rules are applied to what it built, "
                + "later, by the service";
        List<Class<?>> triggers = List.of(Alarm.class, HealthEvent.class, OperatorCommand.class, Trigger.class,
                VifDimension.class);
        noClasses().that().resideInAPackage(BASE + ".input..")
                .should().dependOnClassesThat(resideInAPackage(BASE + ".decision..")
                        .and(not(belongToAnyOf(triggers.toArray(Class<?>[]::new)))))
                .because(because)
                .check(MAIN);
        assertThat(sourceLinesNaming("input", Set.of("decision"),
                triggers.stream().map(Class::getSimpleName).collect(Collectors.toSet()))).as(because).isEmpty();
    }

    @Test
    void theAdaptersReturnValuesAndKnowNoInputNorResult() {
        String because = "an adapter implements a port over the SDK: it returns decision values and throws "
                + "AwsCallFailed; what was asked (input), what is answered (result), the metric lines and the "
                + "sentences are input's, result's, metrics' and text's business";
        knowsNone("aws", because, "service", "text", "input", "result", "metrics");
    }

    /** Package {@code pkg} depends on none of {@code forbidden}: in its bytecode and in its source lines. */
    private static void knowsNone(String pkg, String because, String... forbidden) {
        noClasses().that().resideInAPackage(BASE + "." + pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(Stream.of(forbidden)
                        .map(f -> BASE + "." + f + "..").toArray(String[]::new))
                .because(because)
                .check(MAIN);
        assertThat(sourceLinesNaming(pkg, Set.of(forbidden), Set.of())).as(because).isEmpty();
    }

    /**
     * The lines of src/main/java's {@code pkg} that name (import, or write out in full) a class of one of the packages
     * {@code forbidden}, other than the classes {@code allowed} (simple names). ArchUnit reads the bytecode, where javac
     * has copied a String or number constant into the class that reads it: a dependency on such a constant alone
     * leaves no access to see (text's on aws.SnsTopic.NOT_FOUND did not), while the source still names its class.
     */
    private static List<String> sourceLinesNaming(String pkg, Set<String> forbidden, Set<String> allowed) {
        Pattern named = Pattern.compile(Pattern.quote(BASE) + "\\.(" + String.join("|", forbidden)
                + ")\\.(\\*|[A-Z]\\w*)");
        Path dir = Path.of("src/main/java", BASE.replace('.', '/'), pkg);
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = named.matcher(lines.get(i));
                    while (m.find()) {
                        if (!allowed.contains(m.group(2))) {
                            out.add(dir.relativize(file) + ":" + (i + 1) + " names " + m.group());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
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

    /** DRY_RUN is the plan not applied: that holds only if every change goes through the one apply (§5, §8). */
    @Test
    void onlyTheOneApplyChangesAws() {
        noClasses().that().resideOutsideOfPackages(BASE + ".aws..", BASE + ".port..")
                .and().doNotHaveFullyQualifiedName(BASE + ".service.Apply")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                                "start|stop|tag|untag|open"))
                        .and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                                com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                        com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                                io.github.dxfailover.port.Vifs.class)
                                                .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                                        io.github.dxfailover.port.SupportDesk.class))))))
                .because("service.Apply is the one place that starts or stops a failover test, writes a record or "
                        + "opens a case: under DRY_RUN it changes nothing (docs/behaviour.md §5)")
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
