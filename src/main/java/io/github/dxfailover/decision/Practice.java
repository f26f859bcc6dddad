package io.github.dxfailover.decision;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.config.PracticeSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rules of practice runs (docs/behaviour.md §16) as pure functions: which VIF to practise on,
 * every reason one cannot start now, why a running one must end, and what an ended one proved.
 */
public final class Practice {
    /** The traffic before a run, and the margin cut from each end of the run's own window. */
    public static final Duration BEFORE = Duration.ofMinutes(30);
    public static final Duration MARGIN = Duration.ofMinutes(5);
    /** Under this the practised VIF carried nothing to move. */
    public static final double MIN_LOAD_BPS = 1e6;

    private Practice() {
    }

    /** What keeps a practice run from starting. */
    public enum Block {
        NO_OUTCOME_ALARM, ALARM_MISSING, OUTCOME_ALARM_NOT_OK, BLOCKING_ALARM_IN_ALARM, BLOCKED_DATE,
        /** The run would overlap a blocked window (subject); detail: when it could start instead, or null. */
        BLOCKED_WINDOW,
        /** The run would outlast the allowed window it starts in (subject); detail as above. */
        LEAVES_ALLOWED_WINDOW,
        /** Now is in no allowed window; subject: the one it could start in next, detail: when, or both null. */
        OUTSIDE_ALLOWED_WINDOWS,
        /** No allowed window is as long as the run and its settling; subject: the longest, detail: the minutes needed. */
        NO_ALLOWED_WINDOW_HOLDS_IT,
        VIF_NOT_LISTED, VIF_NOT_HEALTHY, VIF_UNDER_TEST, ALARM_NAMES_LISTED_VIF, AT_MINIMUM, CAPACITY_UNKNOWN,
        CAPACITY_EXCEEDED, MAINTENANCE
    }

    /**
     * One reason a run cannot start.
     *
     * @param subject the alarm, VIF or date concerned, or null
     * @param detail  an alarm's state, a VIF's state, the group a VIF outside it lacks the tag of, or null
     */
    public record Blocker(Block block, String subject, String detail) {
    }

    /**
     * Step 1: the managed VIF whose most recent failover test of any kind started longest ago — never tested first,
     * ties by VIF ID; null when there is none (a group nobody tagged yet, docs/behaviour.md §18).
     *
     * @param lastTestStart per VIF, when its most recent test started; a VIF never tested is absent
     */
    public static String chooseVif(List<String> managed, Map<String, Instant> lastTestStart) {
        return managed.stream().min(Comparator.<String, Instant>comparing(v -> lastTestStart.getOrDefault(v, Instant.MIN))
                .thenComparing(Comparator.naturalOrder())).orElse(null);
    }

    /**
     * The VIF a practice run would take now and every reason it cannot (steps 1 and 2): what the {@code practice}
     * command acts on and what {@code status} shows (docs/behaviour.md §14, §16).
     *
     * @param vifId    the VIF
     * @param blockers every failing check; empty when a run could start
     * @param capacity the projection with {@code vifId} out, or null when not made (capacity not checked, the VIF not
     *                 listed or not healthy, or the figures unreadable)
     */
    public record Candidate(String vifId, List<Blocker> blockers, Capacity capacity) {
        public Candidate {
            blockers = List.copyOf(blockers);
        }
    }

    /**
     * Steps 1 and 2, in one place for the command and for status.
     *
     * @param named   the VIF the operator named, or null to choose one (step 1)
     * @param minutes how long the run's test would last
     * @param figures the capacity figures, asked for only when a projection is made; null from it means unreadable
     */
    public static Candidate candidate(FailoverConfig config, String named, VifStates states,
                                      Map<String, Instant> lastTestStart, Map<String, String> watchStates,
                                      List<FiringAlarm> firing, Instant now, int minutes,
                                      Supplier<CapacityFigures> figures) {
        String vifId = named != null ? named : chooseVif(states.ids(), lastTestStart);
        Capacity capacity = states.manages(vifId) && states.get(vifId).healthy()
                ? Capacity.step(config, states, java.util.Set.of(), vifId, figures) : null;
        List<Blocker> blockers = new ArrayList<>(blockers(config, vifId, states, watchStates, firing,
                LocalDate.ofInstant(now, java.time.ZoneOffset.UTC), capacity));
        // The whole run, its settling included, within the weekly windows (docs/behaviour.md §16).
        blockers.addAll(PracticeCalendar.blockers(config.practice(), now, minutes));
        // No run overlaps a recorded maintenance window, its settling included (docs/behaviour.md §17).
        Maintenance.overlapping(states, now, PracticeCalendar.runEnd(now, minutes))
                .ifPresent(v -> blockers.add(new Blocker(Block.MAINTENANCE, v.id(),
                        v.maintenance().map(MaintenanceWindow::tagValue).orElse(null))));
        return new Candidate(vifId, blockers, capacity);
    }

    /**
     * Step 2: every check, every failing one reported.
     *
     * @param watchStates the outcome and blocking alarms' states by name; an alarm that does not exist is absent
     * @param firing      the alarms now in ALARM
     * @param capacity    the capacity projection with {@code vifId} out, or null when not made
     */
    static List<Blocker> blockers(FailoverConfig config, String vifId, VifStates states,
                                         Map<String, String> watchStates, List<FiringAlarm> firing, LocalDate today,
                                         Capacity capacity) {
        PracticeSettings p = config.practice();
        List<Blocker> out = new ArrayList<>();
        if (vifId != null && !states.manages(vifId)) {
            // The group's name, so that the blocker says which tag the VIF lacks (docs/behaviour.md §18).
            out.add(new Blocker(Block.VIF_NOT_LISTED, vifId,
                    config.managed() instanceof ManagedVifs.Group g ? g.name() : null));
        }
        if (p.outcomeAlarms().isEmpty()) {
            out.add(new Blocker(Block.NO_OUTCOME_ALARM, null, null));
        }
        for (String name : p.watchAlarms()) {
            String state = watchStates.get(name);
            if (state == null) {
                out.add(new Blocker(Block.ALARM_MISSING, name, null));
            } else if (p.outcomeAlarms().contains(name) && !"OK".equals(state)) {
                out.add(new Blocker(Block.OUTCOME_ALARM_NOT_OK, name, state));
            } else if (p.blockingAlarms().contains(name) && Alarm.ALARM.equals(state)) {
                out.add(new Blocker(Block.BLOCKING_ALARM_IN_ALARM, name, state));
            }
        }
        if (PracticeCalendar.isBlockedDate(p, today)) {
            out.add(new Blocker(Block.BLOCKED_DATE, today.toString(), null));
        }
        for (VifState vif : states.byId().values()) {
            if (vif.isUnderTest()) {
                out.add(new Blocker(Block.VIF_UNDER_TEST, vif.id(), null));
            } else if (!vif.healthy() && !vif.downForMaintenance()) { // a window is a blocker of its own
                out.add(new Blocker(Block.VIF_NOT_HEALTHY, vif.id(), vif.state() + ", BGP " + vif.bgp()));
            }
        }
        firing.stream().filter(FiringAlarm::actionsEnabled)
                .filter(f -> !p.watches(f.alarm().name()) && f.vifId() != null && states.manages(f.vifId()))
                .forEach(f -> out.add(new Blocker(Block.ALARM_NAMES_LISTED_VIF, f.alarm().name(), f.vifId())));
        if (!Minimum.of(config).allowsTakingOut(states.healthyCount())) {
            out.add(new Blocker(Block.AT_MINIMUM, null, null));
        }
        if (capacity != null && !capacity.known()) {
            out.add(new Blocker(Block.CAPACITY_UNKNOWN, vifId, null));
        } else if (capacity != null && capacity.exceeded()) {
            out.add(new Blocker(Block.CAPACITY_EXCEEDED, vifId, null));
        }
        return out;
    }

    /** Why a running practice run ends now. */
    public enum Interruption {
        OUTCOME_ALARM, BLOCKING_ALARM, ALARM_ON_OTHER_VIF, OTHER_VIF_NOT_HEALTHY, OPERATOR, MAINTENANCE,
        /** A blocked window is open (subject), or no allowed window is: only a setting changed mid-run does that. */
        BLOCKED_WINDOW, OUTSIDE_ALLOWED_WINDOWS,
        /** An earlier invocation decided the ending and wrote it on the tag; this one finishes it (§8). */
        DECIDED_EARLIER
    }

    /**
     * @param outcome PRACTICE_FAILED or PRACTICE_INTERRUPTED
     * @param subject the alarm or the VIF concerned, or null
     */
    public record Ending(Outcome outcome, Interruption why, String subject) {
    }

    /** An ending an earlier invocation decided and wrote on the practice tag (§8): finished with that outcome. */
    public static Ending decidedEarlier(Outcome outcome) {
        return new Ending(outcome, Interruption.DECIDED_EARLIER, null);
    }

    /** Watching: the first reason the run on {@code practised} must end now, or empty when it may go on. */
    public static Optional<Ending> watch(FailoverConfig config, String practised, VifStates states,
                                         Map<String, String> watchStates, List<FiringAlarm> firing, Instant now) {
        PracticeSettings p = config.practice();
        for (VifState vif : states.byId().values()) {
            if (vif.maintenance().map(w -> w.openAt(now)).orElse(false)) {
                // A window opened on a listed VIF: the run proves nothing now (docs/behaviour.md §17).
                return Optional.of(new Ending(Outcome.PRACTICE_INTERRUPTED, Interruption.MAINTENANCE, vif.id()));
            }
        }
        for (String name : p.outcomeAlarms()) {
            if (Alarm.ALARM.equals(watchStates.get(name))) {
                return Optional.of(new Ending(Outcome.PRACTICE_FAILED, Interruption.OUTCOME_ALARM, name));
            }
        }
        for (String name : p.blockingAlarms()) {
            if (Alarm.ALARM.equals(watchStates.get(name))) {
                return Optional.of(new Ending(Outcome.PRACTICE_INTERRUPTED, Interruption.BLOCKING_ALARM, name));
            }
        }
        for (FiringAlarm f : firing) {
            String vif = f.vifId();
            if (f.actionsEnabled() && !p.watches(f.alarm().name()) && vif != null && !vif.equals(practised)
                    && states.manages(vif)) {
                return Optional.of(new Ending(Outcome.PRACTICE_INTERRUPTED, Interruption.ALARM_ON_OTHER_VIF,
                        f.alarm().name()));
            }
        }
        for (VifState vif : states.byId().values()) {
            if (!vif.id().equals(practised) && !vif.healthy()) {
                return Optional.of(new Ending(Outcome.PRACTICE_INTERRUPTED, Interruption.OTHER_VIF_NOT_HEALTHY,
                        vif.id()));
            }
        }
        // Last: a run is checked whole when it starts, so this holds only if the windows changed while it went (§16).
        return PracticeCalendar.forbidsGoingAt(p, now).map(b -> new Ending(Outcome.PRACTICE_INTERRUPTED,
                b.block() == Block.BLOCKED_WINDOW ? Interruption.BLOCKED_WINDOW : Interruption.OUTSIDE_ALLOWED_WINDOWS,
                b.subject()));
    }

    /**
     * Each VIF's highest load before a run and during it (docs/behaviour.md §16).
     *
     * @param before per VIF, its highest load in the 30 minutes before the test started (absent: no datapoint)
     * @param during per VIF, its highest load from 5 minutes after the start to 5 minutes before the end
     */
    public record Windows(Map<String, Double> before, Map<String, Double> during) {
    }

    /** Where the judging reads the traffic from: {@link #BEFORE} the test's start. */
    public static Instant trafficFrom(Instant testStart) {
        return testStart.minus(BEFORE);
    }

    /** Splits 5-minute averages (by the start of their period) into the windows of judging. */
    public static Windows windows(Map<String, Map<Instant, Double>> traffic, Instant start, Instant end) {
        Map<String, Double> before = new java.util.HashMap<>();
        Map<String, Double> during = new java.util.HashMap<>();
        traffic.forEach((id, points) -> points.forEach((at, bps) -> {
            if (at.isBefore(start)) {
                before.merge(id, bps, Math::max);
            } else if (!at.isBefore(start.plus(MARGIN)) && at.isBefore(end.minus(MARGIN))) {
                during.merge(id, bps, Math::max);
            }
        }));
        return new Windows(before, during);
    }

    /** Why an ended run proved nothing. */
    public enum Inconclusive { NOTHING_TO_MOVE, NO_DATAPOINTS, STILL_CARRYING, NOT_PICKED_UP }

    /**
     * What the traffic shows of an ended run.
     *
     * @param why null when it succeeded
     */
    public record Judgement(Outcome outcome, Inconclusive why, double practisedBefore, double practisedDuring,
                            double othersBefore, double othersDuring) {
    }

    /**
     * Ending: SUCCEEDED when the practised VIF's highest load during is at most 10 % of its highest before,
     * and the others' summed load during rose by at least half of what it carried before.
     *
     * @param before per VIF, its highest load in the 30 minutes before the test (absent: no datapoint)
     * @param during per VIF, its highest load from 5 minutes after the start to 5 minutes before the end
     */
    public static Judgement judge(String practised, List<String> managed, Map<String, Double> before,
                                  Map<String, Double> during) {
        Double pb = before.get(practised);
        Double pd = during.get(practised);
        double ob = 0;
        double od = 0;
        boolean missing = pb == null || pd == null;
        for (String vif : managed) {
            if (!vif.equals(practised)) {
                if (before.get(vif) == null || during.get(vif) == null) {
                    missing = true;
                } else {
                    ob += before.get(vif);
                    od += during.get(vif);
                }
            }
        }
        double practisedBefore = pb == null ? 0 : pb;
        double practisedDuring = pd == null ? 0 : pd;
        Inconclusive why;
        if (missing) {
            why = Inconclusive.NO_DATAPOINTS;
        } else if (practisedBefore < MIN_LOAD_BPS) {
            why = Inconclusive.NOTHING_TO_MOVE;
        } else if (practisedDuring > 0.1 * practisedBefore) {
            why = Inconclusive.STILL_CARRYING;
        } else if (od - ob < 0.5 * practisedBefore) {
            why = Inconclusive.NOT_PICKED_UP;
        } else {
            why = null;
        }
        return new Judgement(why == null ? Outcome.PRACTICE_SUCCEEDED : Outcome.PRACTICE_INCONCLUSIVE, why,
                practisedBefore, practisedDuring, ob, od);
    }

    /**
     * The listed VIFs without a PRACTICE_SUCCEEDED in the last {@code maxAgeDays} days (docs/behaviour.md
     * §14, §16): never practised, last run not a success, or a success too long ago.
     */
    public static List<String> notProven(VifStates states, Instant now, int maxAgeDays) {
        Instant provenSince = now.minus(Duration.ofDays(maxAgeDays));
        return states.byId().values().stream()
                .filter(v -> v.lastPractice().filter(r -> r.succeeded() && r.endedAt().isAfter(provenSince)).isEmpty())
                .map(VifState::id).toList();
    }

    /**
     * Whether the VIF's practice run is running: it is under test and its {@code dx-failover:practice} tag names the
     * test running now (docs/behaviour.md §16 Watching). A tag naming a test that has ended is a run to judge, not a
     * running one, whatever test holds the VIF now.
     *
     * @param running the test running on the VIF now, from its history
     */
    public static boolean isRunning(VifState vif, Optional<TestHistoryEntry> running) {
        return vif.isUnderTest() && vif.practiceTestId().isPresent()
                && running.map(t -> vif.practiceTestId().get().equals(t.testId())).orElse(false);
    }
}
