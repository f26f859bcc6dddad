package io.github.dxfailover.text;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.alarm;
import static io.github.dxfailover.Fixtures.config;
import static io.github.dxfailover.Fixtures.envWith;
import static io.github.dxfailover.Fixtures.states;
import static io.github.dxfailover.Fixtures.vif;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.port.Notification;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Alarm;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.OperatorCommand;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.CaseNotOpened;
import io.github.dxfailover.result.CapacityReport;
import io.github.dxfailover.result.MaintenanceReport;
import io.github.dxfailover.result.PracticeReport;
import io.github.dxfailover.decision.Capacity;
import io.github.dxfailover.result.Result;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SNS messages an on-call engineer reads, whole (docs/behaviour.md §7). */
class NotificationsTest {
    private static final FailoverConfig CONFIG = config(); // A, B, C listed; MINVIFS 1; urgent support case
    private static final VifStates STATES = states(CONFIG, vif(VIF_A, "available", "up"), vif(VIF_B, "down", "down"));
    private static final Instant END = Instant.parse("2026-11-26T07:00:00Z");
    private static final Alarm ALARM = alarm(VIF_A + " packet loss", "ALARM");
    private static final String ALARM_LINES = """
            Alarm: dxvif-aaaa1111 packet loss
            Region: eu-west-1  Account: 123456789012
            State: ALARM at 2026-11-26T04:00:00.000+0000
            Reason: Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).
            """;
    private static final String VIFS = """

            VIFs when this was decided, before acting (MINVIFS=1, healthy = available with a BGP peer up):
              dxvif-aaaa1111  available, BGP up
              dxvif-bbbb2222  down, BGP down
              dxvif-cccc3333  missing, BGP unknown
            Fix VIFLIST: Direct Connect does not return dxvif-cccc3333 in this account and region.

            """;

    private final Notifications writer = new Notifications(CONFIG);

    private static Result result(Outcome outcome, String message) {
        return Result.of(outcome, VIF_A, message, STATES, false);
    }

    /**
     * Issue 32 (§7): the first line says what happened in at most 100 characters — the outcome, the VIF, the one fact
     * that matters — and the whole sentence follows.
     */
    @Test
    void theFirstLineSaysWhatHappenedWithTheFactThatMatters() {
        String longSentence = "BGP failover test 0f8e1d2c-3b4a-5968-7a6b-5c4d3e2f1a0b started on " + VIF_A
                + " for 180 minutes; BGP on " + VIF_A + " comes back by itself at 2026-11-26T07:00:00Z";
        Notification started = writer.forResult(result(Outcome.FAILED_OVER, longSentence)
                .withTest(new FailoverTestRun("t-1", END)), ALARM);
        assertThat(started.body().lines().toList()).startsWith(
                "FAILED_OVER: " + VIF_A + " taken out of service until 07:00 UTC 26 Nov",
                "BGP failover test 0f8e1d2c-3b4a-5968-7a6b-5c4d3e2f1a0b started on " + VIF_A + " for 180 minutes;",
                "    BGP on " + VIF_A + " comes back by itself at 2026-11-26T07:00:00Z");
        assertThat(writer.forResult(result(Outcome.MINIMUM_REACHED, "m"), ALARM).body())
                .startsWith("MINIMUM_REACHED: " + VIF_A + " stays in service: MINVIFS 1 holds it\nm\n");
        assertThat(writer.forResult(result(Outcome.ALREADY_UNAVAILABLE, "m"), ALARM).body())
                .startsWith("ALREADY_UNAVAILABLE: " + VIF_A + " already carries no traffic: nothing to do\n");
        assertThat(writer.forRestore(result(Outcome.RESTORED, "m")).body())
                .startsWith("RESTORED: " + VIF_A + " back in service: its failover test was stopped\n");
    }

    /** §7: the first line's fact follows what the result holds; a first line of 100 characters is kept whole. */
    @Test
    void theFirstLineSaysOnlyWhatTheResultHolds() {
        assertThat(firstLine(writer.forResult(result(Outcome.DRY_RUN, "m"), ALARM))).isEqualTo(
                "DRY_RUN: nothing was changed (DRY_RUN); below, what would have been done on " + VIF_A);
        assertThat(firstLine(writer.forResult(Result.of(Outcome.DRY_RUN, null, "m", STATES, false), ALARM)))
                .isEqualTo("DRY_RUN: nothing was changed (DRY_RUN); below, what would have been done");
        Result capacity = result(Outcome.CAPACITY_REACHED, "m");
        assertThat(firstLine(writer.forResult(capacity.withCapacity(new CapacityReport(
                new Capacity(80, 3e9, 1_000_000_000L, List.of()), null)), ALARM))).isEqualTo("CAPACITY_REACHED: "
                + VIF_A + " stays in service: the others could not carry its traffic ("
                + CapacityText.percent(new Capacity(80, 3e9, 1_000_000_000L, List.of()).projectedPercent()) + ")");
        Result blocked = result(Outcome.PRACTICE_BLOCKED, "m");
        assertThat(firstLine(writer.forPractice(blocked))).isEqualTo("PRACTICE_BLOCKED: no practice run on " + VIF_A
                + " now: blocked");
        assertThat(firstLine(writer.forPractice(blocked.withPractice(new PracticeReport(VIF_A, null,
                Outcome.PRACTICE_BLOCKED, null, null, List.of("one", "two"), null)))))
                .isEqualTo("PRACTICE_BLOCKED: no practice run on " + VIF_A + " now: 2 reason(s) below");
        String hundred = "RECONCILED: " + "r".repeat(88);
        assertThat(firstLine(writer.forResult(result(Outcome.RECONCILED, "r".repeat(88)), ALARM))).isEqualTo(hundred)
                .hasSize(100);
        assertThat(firstLine(writer.forResult(result(Outcome.RECONCILED, "r".repeat(89)), ALARM)))
                .isEqualTo("RECONCILED: " + "r".repeat(84) + " ...");
    }

    /** §7: a maintenance notice's subject names the first VIF it affects and how many more. */
    @Test
    void aMaintenanceSubjectNamesItsVifsAndHowManyMore() {
        Result notice = Result.of(Outcome.MAINTENANCE_NOTED, null, "m", STATES, false).withMaintenance(List.of(
                new MaintenanceReport("e-1", END, END.plusSeconds(3600), List.of("dxcon-1"),
                        new java.util.LinkedHashMap<>(java.util.Map.of(VIF_A, "down")), "safe", List.of(), 1, null,
                        false)));
        assertThat(writer.forMaintenance(notice, "", "").subject()).contains(VIF_A).doesNotContain(" +");
        java.util.Map<String, String> three = new java.util.LinkedHashMap<>();
        three.put(VIF_A, "down");
        three.put(VIF_B, "down");
        three.put("dxvif-cccc3333", "down");
        Result wide = notice.withMaintenance(List.of(new MaintenanceReport("e-1", END, END.plusSeconds(3600),
                List.of("dxcon-1"), three, "at risk", List.of(), 1, null, false)));
        assertThat(writer.forMaintenance(wide, "", "").subject()).contains("MAINTENANCE_NOTED AT RISK")
                .contains(VIF_A + " +2");
    }

    /** SNS's limit (§7): a body at the limit is sent whole; one over it is cut at a line, or mid-line without a
     *  broken character, and stays within the limit. */
    @Test
    void aBodyIsCutOnlyOverTheLimitAndStaysWithinIt() {
        String atLimit = "a".repeat(Notifications.MAX_BODY_BYTES);
        assertThat(Notifications.bounded(atLimit)).isSameAs(atLimit);
        String line = "b".repeat(99) + "\n";
        String lines = line.repeat(Notifications.MAX_BODY_BYTES / line.length() + 10);
        String cut = Notifications.bounded(lines);
        assertThat(cut.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(Notifications.MAX_BODY_BYTES);
        String kept = cut.substring(0, cut.indexOf("\n[cut: this message was "));
        assertThat(kept.split("\n")).allSatisfy(l -> assertThat(l).isEqualTo("b".repeat(99)));
        String oneLine = "\u00e9".repeat(Notifications.MAX_BODY_BYTES);  // two bytes each: a cut may split one
        String cutLine = Notifications.bounded(oneLine);
        assertThat(cutLine.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(Notifications.MAX_BODY_BYTES);
        assertThat(cutLine.substring(0, cutLine.indexOf("\n[cut:"))).matches("\u00e9+");
    }

    private static String firstLine(Notification n) {
        return n.body().lines().findFirst().orElseThrow();
    }

    /** A message over what SNS accepts is cut at a line and says so, rather than refused and lost (§2, §7). */
    @Test
    void aMessageOverWhatSnsAcceptsIsCutAndSaysSo() {
        Result huge = result(Outcome.REJECTED, "x".repeat(100)).withErrors(java.util.Collections.nCopies(4_000,
                "an error of a hundred characters ".repeat(3)));
        String body = writer.forUnreadableInput(huge, false).body();
        int bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertThat(bytes).isLessThanOrEqualTo(250 * 1024);
        assertThat(io.github.dxfailover.Fixtures.unwrapped(body)).startsWith("REJECTED: " + "x".repeat(100))
                .containsPattern("\\n\\[cut: this message was \\d+ bytes, more than SNS accepts \\(256 KB\\)");
        String small = writer.forUnreadableInput(result(Outcome.REJECTED, "short"), false).body();
        assertThat(small).doesNotContain("[cut:");
    }

    private static Result failedOver() {
        return result(Outcome.FAILED_OVER, "started").withTest(new FailoverTestRun("t-1", END));
    }

    @Test
    void aFailoverSaysWhatWasDoneWhatHappensNextAndTheCase() {
        Notification n = writer.forResult(failedOver().withCase("case-1"), ALARM);

        assertThat(n.subject()).isEqualTo("FAILED_OVER dxvif-aaaa1111 - dxvif-aaaa1111 packet loss (DX failover)");
        assertThat(n.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(n.vifAttribute()).isEqualTo(VIF_A);
        assertThat(io.github.dxfailover.Fixtures.unwrapped(n.body())).isEqualTo("FAILED_OVER: started\n\n" + ALARM_LINES + VIFS + """
                Done: BGP failover test t-1 started on dxvif-aaaa1111; its BGP sessions are DOWN and traffic moves to \
                the other VIFs.
                Next: BGP on dxvif-aaaa1111 comes back by itself at 2026-11-26T07:00:00Z.
                To restore it earlier, invoke the function with {"action": "restore", "virtualInterfaceId": \
                "dxvif-aaaa1111"}.
                Support case: case-1
                """);
    }

    @Test
    void aFailoverWithoutACaseSaysWhyAndListsTheErrors() {
        CaseNotOpened noPlan = new CaseNotOpened(true, "SubscriptionRequiredException: x");
        String why = Messages.caseNotOpened(noPlan);
        Notification n = writer.forResult(failedOver().withCaseNotOpened(noPlan, why), ALARM);
        assertThat(io.github.dxfailover.Fixtures.unwrapped(n.body())).endsWith("Support case: none opened (" + why + ")\n\nErrors:\n- " + why + "\n");

        Notification unknown = writer.forResult(failedOver(), ALARM);
        assertThat(io.github.dxfailover.Fixtures.unwrapped(unknown.body())).endsWith("Support case: none opened (unknown reason)\n");

        Notification off = new Notifications(config(envWith("SUPPORT_CASE", "false"))).forResult(failedOver(), ALARM);
        assertThat(io.github.dxfailover.Fixtures.unwrapped(off.body())).endsWith("Support case: none opened (SUPPORT_CASE=false)\n");
    }

    @Test
    void aDryRunSaysWhatWouldHaveBeenDone() {
        assertThat(io.github.dxfailover.Fixtures.unwrapped(writer.forResult(result(Outcome.DRY_RUN, "m"), ALARM).body())).endsWith("""
                Nothing was changed (DRY_RUN=true). Without it the function would have started a 180-minute BGP \
                failover test on dxvif-aaaa1111 and opened an urgent support case.
                """);
        Notifications high = new Notifications(config(envWith("SUPPORT_SEVERITY", "high")));
        assertThat(io.github.dxfailover.Fixtures.unwrapped(high.forResult(result(Outcome.DRY_RUN, "m"), ALARM).body()))
                .endsWith("and opened a high support case.\n");
        Notifications noCase = new Notifications(config(envWith("SUPPORT_CASE", "false")));
        assertThat(io.github.dxfailover.Fixtures.unwrapped(noCase.forResult(result(Outcome.DRY_RUN, "m"), ALARM).body()))
                .endsWith("180-minute BGP failover test on dxvif-aaaa1111.\n");
    }

    @Test
    void outcomesThatChangeNothingSayWhy() {
        assertThat(io.github.dxfailover.Fixtures.unwrapped(writer.forResult(result(Outcome.MINIMUM_REACHED, "m"), ALARM).body())).endsWith(VIFS + """
                Nothing was changed: dxvif-aaaa1111 stays in service so that at least 1 healthy VIF(s) remain. \
                Investigate the alarm and the other VIFs.
                """);
        assertThat(io.github.dxfailover.Fixtures.unwrapped(writer.forResult(result(Outcome.ALREADY_UNAVAILABLE, "m"), ALARM).body()))
                .endsWith("\nNothing was changed: dxvif-aaaa1111 already carries no traffic.\n");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(writer.forResult(result(Outcome.NOT_MANAGED, "m"), ALARM).body())).endsWith("\nNothing was changed: "
                + "dxvif-aaaa1111 is not in VIFLIST (dxvif-aaaa1111,dxvif-bbbb2222,dxvif-cccc3333). Add it there if "
                + "this function should manage it.\n");
        Result rejected = Result.of(Outcome.REJECTED, null, "names no VIF", VifStates.notRead(), false);
        Notification n = writer.forResult(rejected, alarm("loss to 10.0.0.1", "ALARM"));
        assertThat(n.subject()).isEqualTo("REJECTED (no VIF) - loss to 10.0.0.1 (DX failover)");
        assertThat(n.vifAttribute()).isEqualTo("none");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(n.body())).doesNotContain("VIFs when").endsWith("""
                Reason: Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).

                Nothing was changed. Rename the alarm so that its name starts with the VIF ID, for example \
                'dxvif-abcd1234 packet loss', or alarm on a probe metric (outside AWS/DX and DxFailover) with a \
                VirtualInterfaceId dimension. A dimension on an AWS/DX metric (bandwidth, BGP status) or on this \
                function's own metrics never names a VIF: a utilization alarm must not take its VIF out.
                """);
        assertThat(io.github.dxfailover.Fixtures.unwrapped(writer.forResult(result(Outcome.ERROR, "m"), ALARM).body())).endsWith("\nThe function failed before "
                + "it could finish; Lambda retries the event. Check the VIFs with {\"action\": \"status\"}.\n");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(writer.forResult(result(Outcome.IGNORED, "m"), ALARM).body())).endsWith(VIFS);
    }

    @Test
    void aRestoreNamesTheOperatorAndWarnsAboutReconcile() {
        Result restored = result(Outcome.RESTORED, Messages.stopped(new FailoverTestRun("t-1", END), VIF_A));
        Notification n = writer.forRestore(restored);
        assertThat(n.subject()).isEqualTo("RESTORED dxvif-aaaa1111 - operator restore command (DX failover)");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(n.body())).isEqualTo("RESTORED: BGP failover test t-1 on dxvif-aaaa1111 was stopped; its BGP sessions "
                + "come back up now\n\nRequested by: an operator's restore command (aws lambda invoke or the Lambda "
                + "console), not by an alarm\n" + VIFS + """
                Done: BGP failover test t-1 on dxvif-aaaa1111 was stopped; its BGP sessions come back up now.
                Note: if an alarm on dxvif-aaaa1111 is still in ALARM, the next reconcile pass takes dxvif-aaaa1111 out \
                of service again. To keep it in service, disable that alarm's actions (reconcile skips muted alarms): \
                aws cloudwatch disable-alarm-actions --alarm-names "<alarm name>"; enable them again with \
                enable-alarm-actions once the VIF is fixed.
                """);
    }

    @Test
    void eachTriggerIsNamed() {
        Instant since = Instant.parse("2026-11-26T02:55:00Z");
        FiringAlarm firing = new FiringAlarm(new Alarm("loss", "ALARM", "", "", "", "", List.of()), since, true,
                since.plusSeconds(65 * 60));
        assertThat(Notifications.triggerLines(firing)).isEqualTo("""
                Found by: the reconcile pass, which acts on alarms still in ALARM
                Alarm: loss
                State: ALARM
                In ALARM since: 2026-11-26T02:55:00Z (1 h 5 min)
                """);
        FiringAlarm recent = new FiringAlarm(firing.alarm(), since, true, since.plusSeconds(59 * 60));
        assertThat(Notifications.triggerLines(recent)).endsWith("(59 min)\n");
        FiringAlarm anHour = new FiringAlarm(firing.alarm(), since, true, since.plusSeconds(60 * 60));
        assertThat(Notifications.triggerLines(anHour)).endsWith("(1 h 0 min)\n");
        Alarm onlyAccount = new Alarm("loss", "ALARM", "", "", "", "123456789012", List.of());
        assertThat(Notifications.triggerLines(onlyAccount)).contains("Region:   Account: 123456789012\n");
        assertThat(Notifications.triggerLines(new OperatorCommand("failover", VIF_A))).isEqualTo("Requested by: an "
                + "operator's failover command (aws lambda invoke or the Lambda console), not by an alarm\n");
        assertThat(writer.forResult(result(Outcome.FAILED_OVER, "m"), new OperatorCommand("failover", VIF_A)).subject())
                .isEqualTo("FAILED_OVER dxvif-aaaa1111 - operator failover command (DX failover)");
    }

    @Test
    void aConfigErrorListsEveryProblem() {
        Notification n = Notifications.forConfigError(List.of("MINVIFS is not set", "SNSARN='x'"), "dx-fn");
        assertThat(n.subject()).isEqualTo("CONFIG_ERROR in dx-fn (DX failover)");
        assertThat(n.outcome()).isEqualTo(Outcome.CONFIG_ERROR);
        assertThat(n.vifAttribute()).isEqualTo("none");
        assertThat(n.body()).isEqualTo("CONFIG_ERROR: dx-fn acts on no alarm until its variables are fixed\n\n"
                + "- MINVIFS is not set\n- SNSARN='x'\n");
    }
}
