package io.github.dxfailover.decision;

import io.github.dxfailover.config.ManagedVifs;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The managed VIFs as read in this invocation (docs/behaviour.md §4, §18): VIFLIST's in its order, a listed VIF
 * Direct Connect did not return being {@code missing}; or the VIFs tagged with VIFGROUP, by ID. Every rule that
 * speaks of "the listed VIFs" reads them here, never from the configuration.
 *
 * @param byId        the managed VIFs
 * @param otherGroups the VIFs Direct Connect returned that are not managed here but carry a group tag naming another
 *                    group, by ID: another deployment's (§18)
 */
public record VifStates(Map<String, VifState> byId, Map<String, String> otherGroups) {
    public VifStates {
        byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        otherGroups = Map.copyOf(otherGroups);
    }

    public VifStates(Map<String, VifState> byId) {
        this(byId, Map.of());
    }

    /** Used where the states were not needed and so not read (an ignored alarm, a rejected input). */
    public static VifStates notRead() {
        return new VifStates(Map.of());
    }

    /**
     * The managed VIFs out of everything Direct Connect returned (docs/behaviour.md §18): VIFLIST's, each VIF listed
     * but not returned as missing; or every VIF whose tag {@value ManagedVifs#GROUP_TAG} is VIFGROUP. A VIF that is
     * not managed but whose group tag has a value (with VIFLIST, any value) is another deployment's.
     */
    public static VifStates select(ManagedVifs managed, Collection<VifState> returned) {
        Map<String, VifState> states = new LinkedHashMap<>();
        switch (managed) {
            case ManagedVifs.Listed listed -> {
                Map<String, VifState> found = new LinkedHashMap<>();
                returned.forEach(v -> found.put(v.id(), v));
                listed.ids().forEach(id -> states.put(id, found.getOrDefault(id, VifState.missing(id))));
            }
            case ManagedVifs.Group group -> returned.stream()
                    .filter(v -> group.name().equals(v.tags().get(ManagedVifs.GROUP_TAG)))
                    .sorted(Comparator.comparing(VifState::id)).forEach(v -> states.put(v.id(), v));
        }
        Map<String, String> otherGroups = new LinkedHashMap<>();
        for (VifState v : returned) {
            String group = v.tags().get(ManagedVifs.GROUP_TAG);
            if (!states.containsKey(v.id()) && group != null && !group.isEmpty()) {
                otherGroups.put(v.id(), group);
            }
        }
        return new VifStates(states, otherGroups);
    }

    /** Whether the VIF is managed: listed, or in the group as read now. */
    public boolean manages(String id) {
        return byId.containsKey(id);
    }

    /** The group another deployment manages the VIF in, when its tag names one (docs/behaviour.md §18). */
    public Optional<String> otherGroup(String id) {
        return Optional.ofNullable(otherGroups.get(id));
    }

    /** The managed VIFs' IDs, in order. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
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
        return new VifStates(all, otherGroups);
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
        return new VifStates(all, otherGroups);
    }

    public long healthyCount() {
        return byId.values().stream().filter(VifState::healthy).count();
    }

    /** The healthy VIFs, counting these too (paths this invocation restored, docs/behaviour.md §19). */
    public long healthyCount(java.util.Set<String> restored) {
        return byId.values().stream().filter(v -> v.healthy() || restored.contains(v.id())).count();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** The managed VIF whose tag says a practice run is on (docs/behaviour.md §16), if any. */
    public java.util.Optional<VifState> practised() {
        return byId.values().stream().filter(v -> v.practiceTestId().isPresent()).findFirst();
    }
}
