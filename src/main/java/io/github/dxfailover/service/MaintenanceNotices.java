package io.github.dxfailover.service;

import java.util.Optional;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.HealthEvent;
import io.github.dxfailover.decision.Link;
import io.github.dxfailover.decision.Maintenance;
import io.github.dxfailover.decision.MaintenanceWindow;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.result.MaintenanceReport;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.MaintenanceText;
import io.github.dxfailover.text.Messages;
import io.github.dxfailover.text.Notifications;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS Health's Direct Connect maintenance (docs/behaviour.md §17): a notice is recorded on the affected VIFs' own
 * tags, projected against the minimum and the capacity, and notified once; an end removes its records, silently;
 * the reconcile pass removes records whose window has ended. Under DRY_RUN nothing is written.
 */
record MaintenanceNotices(FailoverConfig config, Apply apply, Notifier notifier, Notifications writer) {
    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceNotices.class);

    Result run(Observation seen, HealthEvent event) {
        if (!event.isMaintenance()) {
            return Result.of(Outcome.IGNORED, null, MaintenanceText.notAWindow(event), VifStates.notRead());
        }
        Instant now = seen.now();
        VifStates states = seen.vifs();
        if (event.isEnd() || !event.end().isAfter(now)) {
            return ended(event, states);
        }
        List<Link> links = config.capacityChecked() || Maintenance.needsLinks(event, states) ? seen.links() : List.of();
        Map<String, MaintenanceWindow> affected = Maintenance.affected(event, states, links);
        if (affected.isEmpty()) {
            return Result.of(Outcome.IGNORED, null, MaintenanceText.touchesNoVif(event), states);
        }
        Map<String, Maintenance.Recording> recordings = new LinkedHashMap<>();
        affected.forEach((id, w) -> recordings.put(id, Maintenance.recording(states.get(id).maintenance(), w, now)));
        boolean repeat = recordings.values().stream().allMatch(r -> r == Maintenance.Recording.ALREADY);
        Maintenance.Verdict verdict = verdict(seen, event, states, affected, links);
        // An earlier invocation may have recorded this window and failed to tell it: then it is told now (§8).
        List<String> untold = affected.keySet().stream().filter(id -> states.get(id).maintenance()
                .map(w -> !w.told() && w.sameWindow(affected.get(id))).orElse(false)).toList();
        if (repeat && untold.isEmpty()) {
            // The same window, told, is on every VIF already: an open event repeats the notice, silently.
            return noted(event, affected, verdict, states, List.of());
        }
        Written written = repeat ? Written.NOTHING : record(states, affected, recordings);
        Result result = noted(event, affected, verdict, states, written.errors());
        var notice = notice(result, event, affected, verdict);
        List<String> recorded = new ArrayList<>(written.vifs());
        recorded.addAll(untold);
        if (recorded.isEmpty()) {
            return withNotice(result, notice); // nothing written: the message is all this invocation does
        }
        // Records were written (or were there untold): the message follows a change, and once it is sent the
        // records say so; a record left untold is told by the next pass (§8).
        Result told = notifier.afterChange(result, notice);
        return told.errors().size() > result.errors().size() ? told
                : told.withErrors(markTold(states, affected, recorded));
    }

    private Result noted(HealthEvent event, Map<String, MaintenanceWindow> affected, Maintenance.Verdict verdict,
                         VifStates states, List<String> errors) {
        return Result.of(Outcome.MAINTENANCE_NOTED, null, MaintenanceText.noted(event, affected, verdict,
                        apply.applies()), states)
                .withMaintenance(List.of(report(event, affected, verdict, null)))
                .withErrors(errors);
    }

    private io.github.dxfailover.port.Notification notice(Result result, HealthEvent event,
                                                          Map<String, MaintenanceWindow> affected,
                                                          Maintenance.Verdict verdict) {
        return writer.forMaintenance(result, MaintenanceText.lines(event, affected, verdict),
                MaintenanceText.whatNext(affected, verdict.safe()));
    }

    /** The records of these VIFs rewritten as told; a failure is reported (the next pass may tell it again). */
    private List<String> markTold(VifStates states, Map<String, MaintenanceWindow> affected, List<String> vifIds) {
        List<String> errors = new ArrayList<>();
        for (String id : vifIds) {
            try {
                apply.tag(states.get(id), MaintenanceWindow.TAG, affected.get(id).asTold().tagValue());
            } catch (AwsCallFailed e) {
                String why = Messages.failed(e);
                LOG.error(why, e);
                errors.add(why);
            }
        }
        return errors;
    }

    /**
     * Windows recorded whose message was never sent (docs/behaviour.md §8): each told now, as on notice (its verdict
     * computed now), then its records marked told. No untold record, no call. Failures (the verdict's reads included)
     * are reported, never thrown: the caller may have changed something already.
     */
    Told tellUntold(Observation seen, VifStates states) {
        List<MaintenanceReport> told = new ArrayList<>();
        try {
            return new Told(tellEachUntold(seen, states, told), told);
        } catch (AwsCallFailed e) {
            String why = Messages.failed(e) + ": a maintenance window still untold waits for the next pass";
            LOG.error(why, e);
            return new Told(List.of(why), told);
        }
    }

    /**
     * What {@link #tellUntold} did: the windows it told (their reports, for the pass's result and its event, §20) and
     * its failures.
     */
    record Told(List<String> errors, List<MaintenanceReport> windows) {
    }

    private List<String> tellEachUntold(Observation seen, VifStates states, List<MaintenanceReport> told) {
        Map<String, Map<String, MaintenanceWindow>> byEvent = recordedWindows(states, seen.now(), false);
        if (!apply.applies()) {
            return List.of(); // under DRY_RUN no record could be marked told: the message would repeat every pass
        }
        List<String> errors = new ArrayList<>();
        for (Map<String, MaintenanceWindow> affected : byEvent.values()) {
            HealthEvent event = recordedEvent(affected, seen.now());
            List<Link> links = config.capacityChecked() ? seen.links() : List.of();
            Maintenance.Verdict verdict = verdict(seen, event, states, affected, links);
            Result result = noted(event, affected, verdict, states, List.of());
            told.addAll(result.maintenance());
            Optional<String> failed = notifier.send(notice(result, event, affected, verdict));
            if (failed.isPresent()) {
                errors.add(failed.get());
            } else {
                errors.addAll(markTold(states, affected, List.copyOf(affected.keySet())));
            }
        }
        return errors;
    }

    /**
     * The recorded windows that have not ended, by event ID and VIF; all of them, or only the untold ones.
     */
    static Map<String, Map<String, MaintenanceWindow>> recordedWindows(VifStates states, Instant now, boolean all) {
        Map<String, Map<String, MaintenanceWindow>> byEvent = new LinkedHashMap<>();
        for (VifState v : states.byId().values()) {
            v.maintenance().filter(w -> !w.endedAt(now) && (all || !w.told()))
                    .ifPresent(w -> byEvent.computeIfAbsent(w.eventId(), e -> new LinkedHashMap<>()).put(v.id(), w));
        }
        return byEvent;
    }

    /** The Health event a set of records stands for: its window, its resources, upcoming or open now. */
    static HealthEvent recordedEvent(Map<String, MaintenanceWindow> affected, Instant now) {
        MaintenanceWindow any = affected.values().iterator().next();
        return new HealthEvent(HealthEvent.DIRECT_CONNECT, HealthEvent.SCHEDULED_CHANGE, "recorded",
                any.openAt(now) ? "open" : "upcoming", any.eventId(), any.start(), any.end(),
                affected.values().stream().map(MaintenanceWindow::resourceId).distinct().toList());
    }

    /** What {@link #record} wrote: the VIFs whose record was written, and the failures after the first. */
    private record Written(List<String> vifs, List<String> errors) {
        static final Written NOTHING = new Written(List.of(), List.of());
    }

    /**
     * Nothing was written (DRY_RUN, or every affected VIF keeps another event's window): a failed publish fails the
     * invocation, so that Lambda's retry tells the team (the message is all this invocation does).
     */
    private Result withNotice(Result result, io.github.dxfailover.port.Notification notice) {
        notifier.beforeChange(notice);
        return result;
    }

    /** The window's projection now, with each VIF's busiest 5 minutes of the last 24 hours (one GetMetricData). */
    Maintenance.Verdict verdict(Observation seen, HealthEvent event, VifStates states,
                                Map<String, MaintenanceWindow> affected, List<Link> links) {
        Map<String, Double> peaks = config.capacityChecked()
                ? seen.peakLoads(states.byId().values().stream().filter(VifState::healthy).toList(),
                seen.now().minus(Maintenance.PEAK_WINDOW)) : Map.of();
        return Maintenance.verdict(config, states, affected, event.resources(), links, peaks);
    }

    static MaintenanceReport report(HealthEvent event, Map<String, MaintenanceWindow> affected,
                                    Maintenance.Verdict verdict, Boolean open) {
        Map<String, String> vifs = new LinkedHashMap<>();
        affected.forEach((id, w) -> vifs.put(id, w.effect().word()));
        return new MaintenanceReport(event.eventId(), event.start(), event.end(), event.resources(), vifs,
                MaintenanceText.verdictWord(verdict), MaintenanceText.reasons(verdict), verdict.healthyDuring(),
                Messages.capacityReport(verdict.capacity()), open);
    }

    /**
     * Writes each record the rules allow, untold until its message is sent; a failure after nothing was written
     * fails the invocation (§8).
     */
    private Written record(VifStates states, Map<String, MaintenanceWindow> affected,
                           Map<String, Maintenance.Recording> recordings) {
        List<String> errors = new ArrayList<>();
        List<String> vifs = new ArrayList<>();
        for (var entry : affected.entrySet()) {
            if (recordings.get(entry.getKey()) != Maintenance.Recording.WRITE) {
                continue;
            }
            try {
                if (apply.tag(states.get(entry.getKey()), MaintenanceWindow.TAG, entry.getValue().untold().tagValue())) {
                    vifs.add(entry.getKey());
                }
            } catch (AwsCallFailed e) {
                String why = Messages.failed(e);
                LOG.error(why, e);
                if (vifs.isEmpty()) {
                    throw new RetryableFailure(why, e);
                }
                errors.add(why);
            }
        }
        return new Written(vifs, errors);
    }

    /** An end: the records of its event, and those naming its resources in its window, removed; never notified. */
    private Result ended(HealthEvent event, VifStates states) {
        List<String> removed = Maintenance.endedBy(event, states);
        List<String> errors = remove(states, removed);
        return Result.of(Outcome.MAINTENANCE_ENDED, null, MaintenanceText.ended(event, removed, !apply.applies()),
                states).withErrors(errors);
    }

    /** Removes the records of these VIFs; a failure is reported, not thrown (the next pass removes ended ones). */
    List<String> remove(VifStates states, List<String> vifIds) {
        List<String> errors = new ArrayList<>();
        for (String id : vifIds) {
            try {
                apply.untag(states.get(id), MaintenanceWindow.TAG);
            } catch (AwsCallFailed e) {
                String why = Messages.failed(e);
                LOG.error(why, e);
                errors.add(why);
            }
        }
        return errors;
    }
}
