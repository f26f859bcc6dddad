package io.github.dxfailover.decision;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One VIF as Direct Connect reported it: its state and each of its BGP peers.
 *
 * @param id    the VIF ID
 * @param state virtualInterfaceState ("available", "down", "testing", …), or {@code missing}
 *              when Direct Connect did not return the VIF
 * @param peers its BGP sessions
 * @param connectionId the connection or LAG it runs on ({@code dxcon-…}, {@code dxlag-…}), or null when not known
 * @param tags         its tags, as DescribeVirtualInterfaces returns them (the practice-run record, docs/behaviour.md §16)
 * @param ownerAccount the account that owns it, the account of its ARN (for tagging), or null when not known
 * @param downForMaintenance its recorded maintenance window is open and takes it down (docs/behaviour.md §17): set by
 *                     {@link VifStates#at}, never by Direct Connect
 */
public record VifState(String id, String state, List<BgpPeer> peers, String connectionId, Map<String, String> tags,
                       String ownerAccount, boolean downForMaintenance) {
    public static final String MISSING = "missing";
    public static final String AVAILABLE = "available";
    /** The state Direct Connect reports while a BGP failover test runs. */
    public static final String TESTING = "testing";

    public VifState {
        peers = List.copyOf(peers);
        tags = Map.copyOf(tags);
    }

    /** A VIF as Direct Connect returns it. */
    public VifState(String id, String state, List<BgpPeer> peers, String connectionId, Map<String, String> tags,
                    String ownerAccount) {
        this(id, state, peers, connectionId, tags, ownerAccount, false);
    }

    /** A VIF whose connection and tags are not known (tests, and what a missing VIF reads as). */
    public VifState(String id, String state, List<BgpPeer> peers) {
        this(id, state, peers, null, Map.of(), null);
    }

    /** A VIF whose peers are known only by their status, in order. */
    public static VifState of(String id, String state, String... peerStatuses) {
        return new VifState(id, state, Arrays.stream(peerStatuses).map(BgpPeer::ofStatus).toList());
    }

    /** The same VIF on a connection or LAG. */
    public VifState on(String connection) {
        return new VifState(id, state, peers, connection, tags, ownerAccount, downForMaintenance);
    }

    /** The same VIF with these tags. */
    public VifState tagged(Map<String, String> newTags) {
        return new VifState(id, state, peers, connectionId, newTags, ownerAccount, downForMaintenance);
    }

    /**
     * The test ID of the practice run the function started on it, when its tag says one is on (§16): the tag's first
     * word ({@code <test ID>}, or {@code <test ID> <OUTCOME>} once the watch decided how the run ends).
     */
    public java.util.Optional<String> practiceTestId() {
        List<String> words = practiceWords();
        return words.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(words.get(0));
    }

    /** The words of its practice tag ({@code <test ID> [<OUTCOME>]}); none without the tag. */
    private List<String> practiceWords() {
        String tag = tags.get(PracticeRecord.RUNNING);
        return tag == null || tag.isBlank() ? List.of() : List.of(tag.strip().split("\\s+"));
    }

    /**
     * How the watch decided the run ends, when it wrote that on the tag before stopping the test: a later invocation
     * finishes the record and the message with it, and never judges the run from the traffic (docs/behaviour.md §8).
     */
    public java.util.Optional<Outcome> practiceDecided() {
        List<String> words = practiceWords();
        if (words.size() < 2) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Outcome.valueOf(words.get(1)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Alarms naming it are a practice run's doing (docs/behaviour.md §16 Settling): while its run is on, and until
     * {@link PracticeRecord#SETTLING} after the run ended.
     */
    public boolean settlingAt(java.time.Instant now) {
        return practiceTestId().isPresent() || lastPractice().map(r -> r.settlingAt(now)).orElse(false);
    }

    /** Its last practice run, when its tag records one it can read. */
    public java.util.Optional<PracticeRecord> lastPractice() {
        return PracticeRecord.parse(tags.get(PracticeRecord.LAST));
    }

    public static VifState missing(String id) {
        return new VifState(id, MISSING, List.of());
    }

    /**
     * Counts toward the minimum and the capacity: it carries traffic by what Direct Connect says, and no open
     * maintenance window takes it down (it may drop at any moment: docs/behaviour.md §4, §17).
     */
    public boolean healthy() {
        return carriesTraffic() && !downForMaintenance;
    }

    /** Available, and at least one BGP session up: healthy by what Direct Connect says (docs/behaviour.md §4 step 3). */
    public boolean carriesTraffic() {
        return AVAILABLE.equals(state) && bgpUp();
    }

    /** Its recorded maintenance window (docs/behaviour.md §17), when its tag holds one this function wrote. */
    public java.util.Optional<MaintenanceWindow> maintenance() {
        return MaintenanceWindow.parse(tags.get(MaintenanceWindow.TAG));
    }

    /** The same VIF, counted as down (or not) by its open maintenance window. */
    VifState downForMaintenance(boolean down) {
        return new VifState(id, state, peers, connectionId, tags, ownerAccount, down);
    }

    /** A failover test is running on it. */
    public boolean isUnderTest() {
        return TESTING.equals(state);
    }

    /** At least one peer up. */
    public boolean bgpUp() {
        return peers.stream().anyMatch(BgpPeer::up);
    }

    /** Some peers up and some not: it carries traffic, but not on every session. */
    public boolean halfDown() {
        return bgpUp() && !peers.stream().allMatch(BgpPeer::up);
    }

    /** The same VIF with every peer down: what a failover test leaves behind. */
    public VifState withTestRunning() {
        return new VifState(id, TESTING, peers.stream().map(p -> p.withStatus("down")).toList(), connectionId, tags,
                ownerAccount, downForMaintenance);
    }

    /**
     * The same VIF once its failover test was ended: available, its BGP sessions coming back up by themselves within
     * moments, so it counts as healthy from then on (docs/behaviour.md §19).
     */
    public VifState withTestEnded() {
        return new VifState(id, AVAILABLE, peers.stream().map(p -> p.withStatus("up")).toList(), connectionId, tags,
                ownerAccount, downForMaintenance);
    }

    /**
     * One word when every peer says the same ("up", "down"), else each peer's status ("ipv4 up,
     * ipv6 down"): a VIF with one session down never reads as "BGP up".
     */
    public String bgp() {
        if (MISSING.equals(state)) {
            return "unknown";
        }
        if (peers.isEmpty()) {
            return "no peers";
        }
        List<String> statuses = peers.stream().map(BgpPeer::status).distinct().toList();
        if (statuses.size() == 1) {
            return statuses.get(0);
        }
        return String.join(", ", IntStream.range(0, peers.size())
                .mapToObj(i -> peers.get(i).label(i) + " " + peers.get(i).status()).toList());
    }
}
