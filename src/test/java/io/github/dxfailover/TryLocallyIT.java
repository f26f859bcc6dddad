package io.github.dxfailover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's try-it-locally command, run as a user runs it: the script, its output, its exit code. */
class TryLocallyIT {

    private record Run(int exitCode, String output) {
    }

    private static Run tryLocally(String... args) throws IOException, InterruptedException {
        return tryLocally(Map.of(), args);
    }

    private static Run tryLocally(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("local/try-locally"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        // The script keeps the function's log for a person to read; a test has read what it needs.
        java.util.regex.Matcher log = java.util.regex.Pattern.compile("== The function's full log: (\\S+)/function\\.log")
                .matcher(output);
        if (log.find()) {
            try (java.util.stream.Stream<Path> files = Files.walk(Path.of(log.group(1)))) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return new Run(p.exitValue(), output);
    }

    /** What a refused run says, without the script's JDK line and the usage line that follows every refusal. */
    private static List<String> message(Run run) {
        return run.output().lines().filter(l -> !l.startsWith("Using the JDK at ") && !l.startsWith("usage: ")).toList();
    }

    /** A refused run: exit code 2 and one line, without a stack trace, that says all of {@code words}. */
    private static void refusedInOneLine(Run run, String... words) {
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(message(run)).as(run.output()).hasSize(1);
        assertThat(message(run).get(0)).contains(words);
        assertThat(run.output()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    /** The answer section: its exit code, and the outcome with the message's first line, before the JSON. */
    private static void answeredFirst(Run run, int exitCode, String answer) {
        assertThat(run.exitCode()).as(run.output()).isEqualTo(exitCode);
        assertThat(run.output()).contains("== Answer (exit code " + exitCode + ")\n  " + answer);
        int json = run.output().indexOf("\n{");
        assertThat(run.output().indexOf("== Answer")).as(run.output()).isPositive().isLessThan(json);
    }

    @Test
    void failover() throws Exception {
        Run run = tryLocally();
        answeredFirst(run, 0, "FAILED_OVER: BGP failover test ");
        assertThat(run.output())
                .contains("outcome=FAILED_OVER vif=dxvif-fgab1234")
                .contains("\"outcome\" : \"FAILED_OVER\"")
                .contains("Subject: FAILED_OVER dxvif-fgab1234")
                .contains("Attributes: {outcome=FAILED_OVER, virtualInterfaceId=dxvif-fgab1234}")
                .contains("[aws-direct-connect / connection-issue, cc [noc@example.com]]")
                .contains("dxvif-fgab1234  testing  BGP down/down");
    }

    @Test
    void capacityGuard() throws Exception {
        // The README's capacity sample: a 10 Gbit/s primary carrying 3 Gbit/s and a 1 Gbit/s backup.
        Run run = tryLocally("--state", "local/capacity-guard.json");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("\"outcome\" : \"CAPACITY_REACHED\"")
                .contains("taking dxvif-fgab1234 out would leave the other VIFs 3.1 Gbit/s on 1.0 Gbit/s: 305 % "
                        + "(MAX_UTILIZATION 80 %), more than they can carry")
                .contains("Attributes: {outcome=CAPACITY_REACHED, virtualInterfaceId=dxvif-fgab1234}")
                .contains("== Support cases\n  (none)")
                .contains("dxvif-fgab1234  available  BGP up/up");
    }

    @Test
    void aGroupsTaggedVifFailsOverAndStatusShowsTheGroupAsReadNow() throws Exception {
        // The README's group sample (docs/behaviour.md §18): three VIFs tagged core, one tagged edge, one untagged.
        Run run = tryLocally("--state", "local/group.json", "--env", "VIFGROUP=core");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("VIFGROUP=core").doesNotContain("VIFLIST=")
                .contains("\"outcome\" : \"FAILED_OVER\"")
                .contains("[dx-failover:group = core]")
                .contains("dxvif-fgab1234  testing  BGP down/down");
        Run status = tryLocally("events/command-status.json", "--state", "local/group.json", "--env", "VIFGROUP=core");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("READY: 3 of 3 VIFs of group 'core' healthy")
                .doesNotContain("dxvif-fged0001 available").doesNotContain("dxvif-fgno0001 available");
    }

    @Test
    void aPracticeRunStartsFailsOnItsOutcomeAlarmAndSucceeds() throws Exception {
        // The README's three practice commands (docs/behaviour.md §16), as a new user runs them.
        Run started = tryLocally("events/command-practice.json", "--env", "PRACTICE_OUTCOME_ALARMS=apps 5xx");
        assertThat(started.exitCode()).as(started.output()).isZero();
        assertThat(started.output()).contains("\"outcome\" : \"PRACTICE_STARTED\"").contains("watching apps 5xx")
                .contains("dxvif-fgab1234  testing");

        Run failed = tryLocally("events/eventbridge-outcome-alarm.json", "--state", "local/practice-running.json",
                "--alarm", "apps 5xx", "--env", "PRACTICE_OUTCOME_ALARMS=apps 5xx");
        assertThat(failed.exitCode()).as(failed.output()).isZero();
        assertThat(failed.output()).contains("\"outcome\" : \"PRACTICE_FAILED\"")
                .contains("outcome alarm 'apps 5xx' went to ALARM")
                .contains("Attributes: {outcome=PRACTICE_FAILED, virtualInterfaceId=dxvif-fgab1234}");

        Run succeeded = tryLocally("events/command-reconcile.json", "--state", "local/practice-ended.json",
                "--env", "PRACTICE_OUTCOME_ALARMS=apps 5xx");
        assertThat(succeeded.exitCode()).as(succeeded.output()).isZero();
        assertThat(succeeded.output()).contains("\"outcome\" : \"PRACTICE_SUCCEEDED\"")
                .contains("dxvif-fgab1234 carried 2.1 Gbit/s before and 0 bit/s during; the other VIFs rose from "
                        + "1.0 Gbit/s to 3.1 Gbit/s");
    }

    @Test
    void minimumReached() throws Exception {
        Run run = tryLocally("--state", "local/one-healthy.json");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("\"outcome\" : \"MINIMUM_REACHED\"")
                .contains("Attributes: {outcome=MINIMUM_REACHED, virtualInterfaceId=dxvif-fgab1234}")
                .contains("== Support cases\n  (none)")
                .contains("dxvif-fgab1234  available  BGP up/up");
    }

    /** The README's give-back command (docs/behaviour.md §19): the one usable VIF is held out, the rest is down. */
    @Test
    void belowTheMinimumAReconcilePassGivesTheHeldOutVifBack() throws Exception {
        Run run = tryLocally("events/command-reconcile.json", "--state", "local/below-minimum.json");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("\"outcome\" : \"GIVEN_BACK\"")
                .contains("Attributes: {outcome=GIVEN_BACK, virtualInterfaceId=dxvif-fgab1234}")
                .contains("Ended: failover test local-test-1 on dxvif-fgab1234")
                .contains("== Support cases\n  (none)");
    }

    /** The README's maintenance command (docs/behaviour.md §17): a notice on the primary's connection, at risk. */
    @Test
    void aMaintenanceNoticeOnThePrimaryIsAtRisk() throws Exception {
        Run run = tryLocally("events/health-maintenance-upcoming.json", "--state", "local/maintenance-at-risk.json");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("\"outcome\" : \"MAINTENANCE_NOTED\"").contains("\"verdict\" : \"at risk\"")
                .contains("Verdict: AT RISK")
                .contains("- the VIFs that stay would carry 3.5 Gbit/s on 1.0 Gbit/s: 350 % (MAX_UTILIZATION 80 %)")
                .contains("[dx-failover:maintenance = 2099-12-05T02:00:00Z/2099-12-05T06:00:00Z down dxcon-fgaa0001");
    }

    /** Issue 32, finding 6: the three samples docs/try-it.md says need more than the defaults give what it promises. */
    @Test
    void theSamplesThatNeedMoreGiveWhatDocsTryItPromises() throws Exception {
        answeredFirst(tryLocally("events/command-practice.json", "--env", "PRACTICE_OUTCOME_ALARMS=apps 5xx"), 0,
                "PRACTICE_STARTED: ");
        answeredFirst(tryLocally("events/eventbridge-outcome-alarm.json", "--env", "PRACTICE_OUTCOME_ALARMS=apps 5xx"),
                0, "IGNORED: ");
        answeredFirst(tryLocally("events/command-restore.json", "--state", "local/one-under-test.json"), 0,
                "RESTORED: ");
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("docs/try-it.md"));
        assertThat(page).contains("local/try-locally events/command-practice.json --env \"PRACTICE_OUTCOME_ALARMS=apps 5xx\"").contains("local/try-locally events/eventbridge-outcome-alarm.json --env "
                + "\"PRACTICE_OUTCOME_ALARMS=apps 5xx\"").contains("local/try-locally events/command-restore.json --state "
                + "local/one-under-test.json");
    }

    /** Issue 32, finding 5: a function JVM that cannot start ends the run at once with its own code, not after 90 s. */
    @Test
    void aFunctionJvmThatCannotStartEndsTheRunAtOnceWithExitCode5() throws Exception {
        long started = System.nanoTime();
        Run run = tryLocally("--env", "JAVA_TOOL_OPTIONS=-XX:+BogusFlagThatNoJvmHas");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(5);
        assertThat(run.output()).contains("the function's JVM exited with");
        // Not a timing claim: only that it did not wait out the 90 seconds allowed for an answer.
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(80));
    }

    @Test
    void aStateFileWithAMisspeltStateIsRefusedNamingTheValidStates() throws Exception {
        java.nio.file.Path state = java.nio.file.Files.createTempFile("state", ".json");
        java.nio.file.Files.writeString(state, "{\"vifs\": [{\"id\": \"dxvif-aaaa1111\", \"state\": \"availble\", "
                + "\"bgp\": [\"up\"]}]}");
        Run run = tryLocally("--state", state.toString());
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("\"state\" of dxvif-aaaa1111 must be one of [confirming, verifying, pending, "
                + "available, down, testing, deleting, deleted, rejected, unknown], found \"availble\"");
    }

    @Test
    void configErrorIsExitCode3() throws Exception {
        Run run = tryLocally("--env", "MINVIFS=0"); // an alarm: a status would notify no one (docs/behaviour.md §14)
        answeredFirst(run, 3, "CONFIG_ERROR: the function is misconfigured: MINVIFS='0': expected an integer >= 1; "
                + "nothing was done\n");
        assertThat(run.output()).contains("\"outcome\" : \"CONFIG_ERROR\"")
                .contains("MINVIFS='0': expected an integer >= 1")
                .contains("Subject: CONFIG_ERROR in aws-dx-failover");
    }

    @Test
    void anEventTheFunctionDoesNotTakeIsRejectedWithExitCode4(@TempDir Path tmp) throws Exception {
        Path notAnAlarm = Files.writeString(tmp.resolve("not-an-alarm.json"), "{\"hello\": 1}");
        Run run = tryLocally(notAnAlarm.toString());
        answeredFirst(run, 4, "REJECTED: expected an EventBridge 'CloudWatch Alarm State Change' event");
        assertThat(run.output()).contains("found an object with keys [hello]").contains("\"outcome\" : \"REJECTED\"");
    }

    /** A Direct Connect that refuses every connection: reading the VIF states fails, the function throws (§8). */
    @Test
    void aFailedInvocationIsExitCode1() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Run run = tryLocally("--env", "AWS_ENDPOINT_URL_DIRECT_CONNECT=http://127.0.0.1:" + closed);
        answeredFirst(run, 1, "the invocation failed, Lambda would retry the event: reading the VIF states from Direct"
                + " Connect failed (nothing was changed)");
        assertThat(run.output()).contains("== Function error (Lambda would retry the event)")
                .contains("\"errorType\" : \"io.github.dxfailover.service.RetryableFailure\"")
                .contains("== VIFs after\n  dxvif-fgab1234  available  BGP up/up");
    }

    @Test
    void operatorCommandsOnAGivenEventFile() throws Exception {
        Run run = tryLocally("events/command-failover.json");
        assertThat(run.output()).contains("\"outcome\" : \"FAILED_OVER\"")
                .contains("for 60 minutes");
    }

    @Test
    void reconcileActsOnSeededAlarms() throws Exception {
        Run run = tryLocally("events/command-reconcile.json", "--alarms", "local/alarms.json");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("== Alarms in ALARM")
                .contains("\"outcome\" : \"RECONCILED\"")
                .contains("Found by: the reconcile pass")
                .contains("dxvif-fgab1234  testing  BGP down/down")
                .contains("\"muted\" : 1");
    }

    @Test
    void restoreEndsARunningTestFromTheStateFile() throws Exception {
        Run run = tryLocally("events/command-restore.json", "--state", "local/one-under-test.json");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("\"outcome\" : \"RESTORED\"")
                .contains("\"testId\" : \"local-test-1\"")
                .contains("dxvif-fgab1234  available  BGP up/up")
                .contains("== The function's full log: ");
    }

    @Test
    void aBadStateFileIsOneLineNotAStackTrace(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("state.json");
        Files.writeString(bad, "{\"vifs\": [ {\"id\": ");
        Run run = tryLocally("--state", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("is not JSON").contains("usage: local/try-locally").doesNotContain("\tat ");
        Run missing = tryLocally("--state", "local/no-such-file.json");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.output()).contains("--state: no file local/no-such-file.json").doesNotContain("\tat ");
    }

    @Test
    void helpAnswersAtOnceAndAnUnknownOptionIsNamed() throws Exception {
        Run help = tryLocally("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("usage: local/try-locally").contains("--alarms FILE")
                .contains("--allow-unknown-env").contains("Exit codes:")
                .contains("\n  0  the function answered: any outcome but the two below, a status NOT READY included\n")
                .contains("\n  1  the invocation failed").contains("\n  2  refused before anything started")
                .contains("\n  3  the function answered CONFIG_ERROR").contains("\n  4  the function answered REJECTED")
                .contains("\n  5  try-locally could not run the function");
        Run unknown = tryLocally("--foo");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown option --foo").doesNotContain("\tat ");
    }

    @Test
    void statusIsReadyLocally() throws Exception {
        Run run = tryLocally("events/command-status.json");
        answeredFirst(run, 0, "STATUS: READY: 3 of 3 listed VIFs healthy");
        assertThat(run.output()).contains("\"ready\" : true");
    }

    /** A status that is not ready is an answer, not a failure: exit code 0, the reasons in the answer line. */
    @Test
    void aStatusThatIsNotReadyIsExitCode0() throws Exception {
        Run run = tryLocally("events/command-status.json", "--state", "local/one-healthy.json");
        answeredFirst(run, 0, "STATUS: NOT READY");
        assertThat(run.output()).contains("\"ready\" : false");
    }

    @Test
    void aVariableTheFunctionDoesNotReadStopsTheRunBeforeAnythingStarts(@TempDir Path tmp) throws Exception {
        Run run = tryLocally(Map.of("TMPDIR", tmp.toString()), "--env", "MINVIF=2", "--env", "AWS_MAX_ATTEMPTS=2");
        refusedInOneLine(run, "--env MINVIF=2", "found MINVIF", "did you mean MINVIFS?", "Nothing was started",
                "--allow-unknown-env");
        assertThat(run.output()).doesNotContain("== aws-dx-failover, locally").doesNotContain("== Result");
        try (Stream<Path> left = Files.list(tmp)) { // no run folder: no moto, no fake, no function
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("try-locally-"));
        }
    }

    @Test
    void withAllowUnknownEnvAVariableTheFunctionDoesNotReadIsWarnedAboutAndTheRunGoesOn() throws Exception {
        Run run = tryLocally("--env", "TEAM=netops", "--allow-unknown-env", "--env", "AWS_MAX_ATTEMPTS=2",
                "--env", "DRY_RUN=false");
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> warnings = run.output().lines().filter(l -> l.startsWith("warning:")).toList();
        assertThat(warnings).as(run.output()).singleElement().asString()
                .startsWith("warning: the function does not read TEAM (--env TEAM=netops has no effect); it reads ");
        assertThat(run.output()).contains("  MINVIFS=1").contains("outcome=FAILED_OVER vif=dxvif-fgab1234");
    }

    /** Issue 32, finding 1: a look-alike name run anyway meets the function's own refusal, CONFIG_ERROR (§5). */
    @Test
    void aLookAlikeNameRunAnywayIsTheFunctionsConfigError() throws Exception {
        Run run = tryLocally("--env", "DRYRUN=false", "--allow-unknown-env");
        answeredFirst(run, 3, "CONFIG_ERROR: the function is misconfigured: DRYRUN='false': DRYRUN is not read; did "
                + "you mean DRY_RUN?; nothing was done");
    }

    @Test
    void everyBadFileIsOneLineAndExitCode2(@TempDir Path tmp) throws Exception {
        Path notJson = Files.writeString(tmp.resolve("alarms.json"), "{\"alarms\": [\n");
        refusedInOneLine(tryLocally("--alarms", notJson.toString()), "--alarms", notJson.toString(), "is not JSON",
                "line 2, column 1");
        refusedInOneLine(tryLocally("--alarms", "local/no-such-alarms.json"), "--alarms: no file local/no-such-alarms.json");
        refusedInOneLine(tryLocally("--alarms", "local/one-healthy.json"), "--alarms", "local/one-healthy.json",
                "expected {\"alarms\"");
        refusedInOneLine(tryLocally("--state", notJson.toString()), "--state", notJson.toString(), "is not JSON");
        refusedInOneLine(tryLocally("--state", "local/alarms.json"), "--state", "local/alarms.json", "expected {\"vifs\"");
        refusedInOneLine(tryLocally("events/no-such-event.json"), "event file: no file events/no-such-event.json");
        refusedInOneLine(tryLocally(notJson.toString()), "event file", notJson.toString(), "is not JSON");
        refusedInOneLine(tryLocally(tmp.toString()), "event file", tmp.toString(), "is a directory");
    }

    @Test
    void twoEventFilesAreRefusedNamingBoth() throws Exception {
        refusedInOneLine(tryLocally("events/command-status.json", "--state", "local/one-healthy.json",
                "events/command-restore.json"), "2 event files", "events/command-status.json",
                "events/command-restore.json");
    }

    @Test
    void onlyTheNewestRunFoldersAreKept(@TempDir Path tmp) throws Exception {
        Instant now = Instant.now();
        for (int i = 1; i <= 7; i++) { // seven earlier runs, try-locally-1 the oldest
            Path run = Files.createDirectory(tmp.resolve("try-locally-" + i));
            Files.writeString(run.resolve("function.log"), "run " + i);
            Files.setLastModifiedTime(run, FileTime.from(now.minusSeconds(3600 - i)));
        }
        Path notOnlyLogs = Files.createDirectories(tmp.resolve("try-locally-99").resolve("notes"));
        Files.setLastModifiedTime(notOnlyLogs.getParent(), FileTime.from(now.minusSeconds(7200)));
        Files.createDirectory(tmp.resolve("try-locally-mine"));

        Run run = tryLocally(Map.of("TMPDIR", tmp.toString()), "events/command-status.json");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("== The function's full log: " + tmp.resolve("try-locally-"));
        try (Stream<Path> left = Files.list(tmp)) { // this run's own folder is deleted by tryLocally
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("try-locally-")))
                    .containsExactlyInAnyOrder("try-locally-4", "try-locally-5", "try-locally-6", "try-locally-7",
                            "try-locally-99", "try-locally-mine");
        }
        assertThat(tryLocally("--help").output()).contains("only the newest 5 remain");
    }
}
