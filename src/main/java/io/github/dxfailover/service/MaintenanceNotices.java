package io.github.dxfailover.service;

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
        Written written = repeat ? Written.NOTHING : record(states, affected, recordings);
        List<String> errors = written.errors();
        Result result = Result.of(Outcome.MAINTENANCE_NOTED, null,
                        MaintenanceText.noted(event, affected, verdict, apply.applies()), states)
                .withMaintenance(List.of(report(event, affected, verdict, null)))
                .withErrors(errors);
        if (repeat) {
            return result; // the same window is on every VIF already: an open event repeats the notice, silently
        }
        var notice = writer.forMaintenance(result, MaintenanceText.lines(event, affected, verdict),
                MaintenanceText.whatNext(affected, verdict.safe()));
        // Whether a record was written decides how a failed publish is handled, never a count of errors (§8).
        return written.count() > 0 ? notifier.afterChange(result, notice) : withNotice(result, notice);
    }

    /** What {@link #record} wrote: how many records, and the failures after the first. */
    private record Written(int count, List<String> errors) {
        static final Written NOTHING = new Written(0, List.of());
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

    /** Writes each record the rules allow; a failure after nothing was written fails the invocation (§8). */
    private Written record(VifStates states, Map<String, MaintenanceWindow> affected,
                           Map<String, Maintenance.Recording> recordings) {
        List<String> errors = new ArrayList<>();
        int written = 0;
        for (var entry : affected.entrySet()) {
            if (recordings.get(entry.getKey()) != Maintenance.Recording.WRITE) {
                continue;
            }
            try {
                if (apply.tag(states.get(entry.getKey()), MaintenanceWindow.TAG, entry.getValue().tagValue())) {
                    written++;
                }
            } catch (AwsCallFailed e) {
                String why = Messages.failed(e);
                LOG.error(why, e);
                if (written == 0) {
                    throw new RetryableFailure(why, e);
                }
                errors.add(why);
            }
        }
        return new Written(written, errors);
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
