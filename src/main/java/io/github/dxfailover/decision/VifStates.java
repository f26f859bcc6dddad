package io.github.dxfailover.decision;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The listed VIFs as read in one pass, in VIFLIST order; a listed VIF Direct Connect did not return is {@code missing}. */
public record VifStates(Map<String, VifState> byId) {
    public VifStates {
        byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    /** Used where the states were not needed and so not read (an ignored alarm, a rejected input). */
    public static VifStates notRead() {
        return new VifStates(Map.of());
    }

    /** Picks the listed VIFs out of what Direct Connect returned. */
    public static VifStates of(List<String> listed, Collection<VifState> returned) {
        Map<String, VifState> found = new LinkedHashMap<>();
        returned.forEach(v -> found.put(v.id(), v));
        Map<String, VifState> states = new LinkedHashMap<>();
        for (String id : listed) {
            states.put(id, found.getOrDefault(id, VifState.missing(id)));
        }
        return new VifStates(states);
    }

    public VifState get(String id) {
        return byId.getOrDefault(id, VifState.missing(id));
    }

    /** The same states with the VIF's failover test running: what a started test leaves behind. */
    public VifStates withTestStarted(String id) {
        return with(get(id).withTestRunning());
    }

    /**
     * The states at {@code now}: a VIF whose recorded maintenance window is open and takes it down does not count as
     * healthy (docs/behaviour.md §17). What Direct Connect said of it is kept.
     */
    public VifStates at(java.time.Instant now) {
        Map<String, VifState> all = new LinkedHashMap<>();
        byId.forEach((id, v) -> all.put(id, v.downForMaintenance(v.maintenance().map(w -> w.takesDownAt(now))
                .orElse(false))));
        return new VifStates(all);
    }

    /** The same states with a practice run's record as the watch leaves it: no longer running, ended so. */
    public VifStates withPracticeRecorded(String id, PracticeRecord record) {
        Map<String, String> tags = new LinkedHashMap<>(get(id).tags());
        tags.remove(PracticeRecord.RUNNING);
        tags.put(PracticeRecord.LAST, record.tagValue());
        return with(get(id).tagged(tags));
    }

    /** The same states with the VIF's failover test ended: it counts as healthy again (docs/behaviour.md §19). */
    public VifStates withTestEnded(String id) {
        return with(get(id).withTestEnded());
    }

    private VifStates with(VifState changed) {
        Map<String, VifState> all = new LinkedHashMap<>(byId);
        all.put(changed.id(), changed);
        return new VifStates(all);
    }

    public long healthyCount() {
        return byId.values().stream().filter(VifState::healthy).count();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** The listed VIF whose tag says a practice run is on (docs/behaviour.md §16), if any. */
    public java.util.Optional<VifState> practised() {
        return byId.values().stream().filter(v -> v.practiceTestId().isPresent()).findFirst();
    }
}
