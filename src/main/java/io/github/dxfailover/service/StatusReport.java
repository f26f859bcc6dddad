package io.github.dxfailover.service;

import io.github.dxfailover.decision.Minimum;
import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.port.SupportDesk;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.decision.Capacity;
import io.github.dxfailover.decision.CapacityFigures;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.config.PracticeSettings;
import io.github.dxfailover.config.WeeklyWindow;
import io.github.dxfailover.decision.Practice;
import io.github.dxfailover.decision.PracticeCalendar;
import io.github.dxfailover.decision.TestHistoryEntry;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.Preflight;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Messages;
import io.github.dxfailover.text.PracticeText;
import io.github.dxfailover.text.StatusText;
import io.github.dxfailover.decision.HealthEvent;
import io.github.dxfailover.decision.Link;
import io.github.dxfailover.decision.MaintenanceWindow;
import io.github.dxfailover.result.MaintenanceReport;
import java.util.LinkedHashMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's {@code status}: a preflight that changes nothing and notifies no one
 * (docs/behaviour.md §14). It reads every managed VIF (VIFLIST's, or the group's as tagged now, §18) with each BGP
 * peer, running tests and alarms in ALARM, checks the topic, the support plan, this function's right to run failover
 * tests on each VIF and, with the capacity guard on, what the others would carry if each were taken out, and says
 * whether the function is ready and every reason it is not. A read that fails here is a reason, not an exception: a
 * status must always answer.
 */
record StatusReport(FailoverConfig config, Ports ports, Apply apply, MaintenanceNotices maintenance) {
    private static final Logger LOG = LoggerFactory.getLogger(StatusReport.class);
    private static final String ACCESS_DENIED = "AccessDeniedException";
    /** DescribeTags takes a list of ARNs; 20 keeps a request small (the API reference states no limit). */
    private static final int TAGS_PER_CALL = 20;

    Result run(Observation seen) {
        List<String> reasons = new ArrayList<>();
        VifStates states;
        try {
            states = seen.vifs();
        } catch (AwsCallFailed e) {
            LOG.warn("VIF states unavailable for status", e);
            reasons.add(StatusText.vifsUnreadable(e));
            states = VifStates.select(config.managed(), List.of());
        }
        Map<String, List<String>> alarmed = Map.of();
        List<FiringAlarm> firing = List.of();
        try {
            firing = seen.firing();
            alarmed = alarmNamesByVif(firing, states);
        } catch (AwsCallFailed e) {
            LOG.warn("alarms unavailable for status", e);
            reasons.add(StatusText.alarmsUnreadable(e));
        }
        CapacityFigures figures = capacityFigures(seen, states, reasons);
        Set<String> capacityUnknown = new LinkedHashSet<>();
        List<List<String>> vifLines = new ArrayList<>();
        Map<String, Instant> lastTestStarts = new HashMap<>();
        for (VifState vif : states.byId().values()) {
            String test = VifState.MISSING.equals(vif.state()) ? "" : testHistory(seen, vif, reasons, lastTestStarts);
            String ifTakenOut = "";
            Capacity capacity = vif.healthy() ? Capacity.step(config, states, Set.of(), vif.id(), () -> figures) : null;
            if (capacity != null) {
                ifTakenOut = StatusText.ifTakenOut(capacity);
                if (!capacity.known()) {
                    capacityUnknown.add(StatusText.capacityUnknown(capacity));
                }
            }
            vifLines.add(StatusText.vif(vif, test, alarmed.getOrDefault(vif.id(), List.of()), ifTakenOut));
            StatusText.vifReason(vif).ifPresent(reasons::add);
        }
        reasons.addAll(capacityUnknown);
        reasons.addAll(recordsDenied(states.byId().values().stream()
                .filter(v -> !VifState.MISSING.equals(v.state())).toList()));
        // A group too small to take one out is no configuration error (a tag can change at any time), but the
        // function could protect nothing (docs/behaviour.md §18).
        Minimum minimum = Minimum.of(config);
        if (config.managed() instanceof ManagedVifs.Group group) {
            java.util.Map<String, Long> typos = new java.util.TreeMap<>(states.otherGroups().values().stream()
                    .filter(group::typo).collect(java.util.stream.Collectors.groupingBy(t -> t,
                            java.util.stream.Collectors.counting())));
            if (!typos.isEmpty()) {
                reasons.add(StatusText.groupTypo(group.name(), states.byId().size(), typos));
            }
            if (minimum.tooFewToTakeOut(states.byId().size())) {
                reasons.add(StatusText.groupTooSmall(group.name(), states.byId().size(), minimum.vifs()));
            }
        }
        long healthy = states.healthyCount();
        if (!minimum.allowsTakingOut(healthy)) {
            reasons.add(StatusText.noneCanBeTakenOut(healthy, minimum.vifs()));
        }
        ports.topic().checkAccess().ifPresent(e -> reasons.add(StatusText.topicProblem(ports.topic().topicArn(), e)));
        supportPlanProblem().ifPresent(reasons::add);

        PracticeStatus practice = practice(seen, states, firing, figures, lastTestStarts);
        List<MaintenanceReport> windows = windows(seen, states);
        String message = StatusText.message(StatusText.headline(reasons.size(), healthy, states.byId().size(),
                        config.managed(), minimum, !apply.applies()), reasons, vifLines,
                StatusText.practice(practice.notProven(), practice.blockers(), practice.running(),
                        states.byId().values().stream()
                                .map(v -> StatusText.practiceRecord(v, lastTestStarts.get(v.id()))).toList(),
                        config.practice().maxAgeDays(), practice.next(), practice.calendar()),
                StatusText.maintenance(windows));
        return Result.of(Outcome.STATUS, null, message, states)
                .withPreflight(Preflight.of(reasons, practice.notProven(), practice.blockers(), practice.calendar()))
                .withMaintenance(windows);
    }

    /**
     * Every recorded maintenance window not ended, one per event, with its verdict computed now as on notice
     * (docs/behaviour.md §17): none makes the function not ready. No record, no call.
     */
    private List<MaintenanceReport> windows(Observation seen, VifStates states) {
        Instant now = seen.now();
        Map<String, Map<String, MaintenanceWindow>> byEvent = MaintenanceNotices.recordedWindows(states, now, true);
        List<MaintenanceReport> out = new ArrayList<>();
        for (Map<String, MaintenanceWindow> affected : byEvent.values()) {
            MaintenanceWindow any = affected.values().iterator().next();
            HealthEvent event = MaintenanceNotices.recordedEvent(affected, now);
            try {
                List<Link> links = config.capacityChecked() ? seen.links() : List.of(); // read once (Observation)
                out.add(MaintenanceNotices.report(event, affected,
                        maintenance.verdict(seen, event, states, affected, links), any.openAt(now)));
            } catch (AwsCallFailed e) {
                LOG.warn("maintenance verdict unavailable for status", e);
                out.add(new MaintenanceReport(event.eventId(), event.start(), event.end(), event.resources(),
                        Map.of(), "unknown", List.of(Messages.failed(e)), 0, null, any.openAt(now)));
            }
        }
        return out;
    }

    /** What §14 says of practice runs: neither makes the function not ready. */
    private record PracticeStatus(List<String> notProven, List<String> blockers, String running, String next,
                                  Preflight.Calendar calendar) {
    }

    private PracticeStatus practice(Observation seen, VifStates states, List<FiringAlarm> firing,
                                    CapacityFigures figures, Map<String, Instant> lastTestStarts) {
        Instant now = seen.now();
        List<String> notProven = Practice.notProven(states, now, config.practice().maxAgeDays());
        Map<String, String> watchStates = new HashMap<>();
        List<String> blockers = new ArrayList<>();
        try {
            watchStates.putAll(seen.watchAlarms());
        } catch (AwsCallFailed e) {
            blockers.add(Messages.failed(e));
        }
        // A tag naming a test that has ended is a run not yet judged, not a running one (§16: status writes no tag).
        String running = states.practised().map(v -> runningNow(seen, v)
                ? StatusText.runningPractice(v, config.practice().outcomeAlarms(), watchStates)
                : StatusText.endedPractice(v)).orElse(null);
        Practice.Candidate candidate = Practice.candidate(config, null, states, lastTestStarts, watchStates, firing,
                now, config.practice().minutes(), () -> figures);
        blockers.addAll(PracticeText.blockers(candidate.blockers()));
        PracticeSettings p = config.practice();
        Preflight.Calendar calendar = new Preflight.Calendar(
                p.blockedWindows().stream().map(WeeklyWindow::toString).toList(),
                p.allowedWindows().stream().map(WeeklyWindow::toString).toList(),
                // To the second: an operator reads it.
                PracticeCalendar.nextStart(p, now.truncatedTo(ChronoUnit.SECONDS), p.minutes())
                        .orElse(null));
        return new PracticeStatus(notProven, blockers, running, candidate.vifId(), calendar);
    }

    /** Whether the VIF's practice run is running; an unreadable history leaves it so, as its tag says. */
    private static boolean runningNow(Observation seen, VifState vif) {
        try {
            return Practice.isRunning(vif, seen.runningTest(vif.id()));
        } catch (AwsCallFailed e) {
            return true;
        }
    }

    /** The capacity figures of §15 when the guard is on; a failed read is a reason, and null. */
    private CapacityFigures capacityFigures(Observation seen, VifStates states, List<String> reasons) {
        if (!config.capacityChecked() || states.healthyCount() == 0) {
            return null;
        }
        try {
            return seen.capacity(states).get();
        } catch (AwsCallFailed e) {
            LOG.warn("capacity figures unavailable for status", e);
            reasons.add(StatusText.capacityUnreadable(e));
            return null;
        }
    }

    /**
     * The VIF's running test, read with ListVirtualInterfaceTestHistory: the read-only call the role
     * allows on exactly the ARNs it may start and stop tests on. A denial means a failover on this VIF
     * would be denied too.
     */
    private String testHistory(Observation seen, VifState vif, List<String> reasons,
                               Map<String, Instant> lastTestStarts) {
        try {
            List<TestHistoryEntry> history = seen.history(vif.id());
            TestHistoryEntry.lastStart(history).ifPresent(t -> lastTestStarts.put(vif.id(), t));
            var running = TestHistoryEntry.running(history, seen.now())
                    .map(t -> new FailoverTestRun(t.testId(), t.endsAt()));
            return vif.isUnderTest() ? StatusText.runningTest(running) : "";
        } catch (AwsCallFailed e) {
            LOG.warn("test history of {} unavailable", vif.id(), e);
            if (ACCESS_DENIED.equals(e.code())) {
                reasons.add(StatusText.mayNotTest(vif.id(), config.managed(), e));
            } else if (!vif.isUnderTest()) {
                reasons.add(StatusText.testHistoryUnreadable(vif.id(), e));
            }
            return vif.isUnderTest() ? StatusText.testHistoryUnavailable(e) : "";
        }
    }

    /**
     * The right to write the function's records on each VIF (the practice run's, §16, and the maintenance window's,
     * §17), read with DescribeTags, which the role allows on the same VIFs as TagResource and UntagResource: one call
     * per {@value #TAGS_PER_CALL} VIFs, each VIF of a denied call asked alone to say which. Only a denial is a reason: any
     * other failure says nothing of the permission (docs/behaviour.md §14).
     */
    private List<String> recordsDenied(List<VifState> vifs) {
        List<String> out = new ArrayList<>();
        for (int from = 0; from < vifs.size(); from += TAGS_PER_CALL) {
            List<VifState> some = vifs.subList(from, Math.min(vifs.size(), from + TAGS_PER_CALL));
            try {
                ports.vifs().readTags(some);
            } catch (AwsCallFailed e) {
                if (!ACCESS_DENIED.equals(e.code())) {
                    LOG.warn("the record permission of {} could not be checked", some, e);
                } else if (some.size() == 1) {
                    out.add(StatusText.mayNotRecord(some.get(0).id(), config.managed(), e));
                } else {
                    some.forEach(v -> out.addAll(recordsDenied(List.of(v))));
                }
            }
        }
        return out;
    }

    /** Why a failover could open no case, or empty; nothing to check, and no call, with SUPPORT_CASE=false. */
    private Optional<String> supportPlanProblem() {
        if (!config.supportCase()) {
            return Optional.empty();
        }
        try {
            List<String> offered = ports.support().severityLevels();
            return !offered.isEmpty() && !offered.contains(config.supportSeverity())
                    ? Optional.of(StatusText.severityNotOffered(config.supportSeverity(), offered))
                    : Optional.empty();
        } catch (AwsCallFailed e) {
            return Optional.of(StatusText.supportPlanProblem(e, SupportDesk.isNoSupportPlan(e)));
        }
    }

    /** Each managed VIF's alarms now in ALARM, by name, muted ones marked. */
    private static Map<String, List<String>> alarmNamesByVif(List<FiringAlarm> firing, VifStates states) {
        Map<String, List<String>> byVif = new TreeMap<>();
        for (FiringAlarm alarm : firing) {
            String vifId = alarm.vifId();
            if (vifId != null && states.manages(vifId)) {
                byVif.computeIfAbsent(vifId, v -> new ArrayList<>()).add(StatusText.alarmName(alarm));
            }
        }
        return byVif;
    }
}
