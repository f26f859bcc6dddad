package io.github.dxfailover.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.config.ManagedVifs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The selection of the managed VIFs out of what DescribeVirtualInterfaces returned (docs/behaviour.md §4, §18), as
 * a table: each VIF of the region with its group tag, and what VIFLIST or VIFGROUP makes of it.
 */
class VifStatesTest {
    private static final String GROUP = ManagedVifs.GROUP_TAG;
    /** The region: a VIF tagged core, one tagged edge, one untagged, one tagged with an empty value. */
    private static final List<VifState> REGION = List.of(
            vif("dxvif-core0002", "core"), vif("dxvif-core0001", "core"), vif("dxvif-edge0001", "edge"),
            vif("dxvif-none0001", null), vif("dxvif-blank001", ""));

    private static VifState vif(String id, String group) {
        VifState v = VifState.of(id, VifState.AVAILABLE, "up");
        return group == null ? v : v.tagged(Map.of(GROUP, group, "team", "network"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        // managed by | VIF | managed? | another deployment's group, or - | state as read
        "group core | dxvif-core0001 | true  | -    | available",
        "group core | dxvif-core0002 | true  | -    | available",
        "group core | dxvif-edge0001 | false | edge | -",
        "group core | dxvif-none0001 | false | -    | -",
        "group core | dxvif-blank001 | false | -    | -",
        "group core | dxvif-gone0001 | false | -    | -",
        "group edge | dxvif-edge0001 | true  | -    | available",
        "group edge | dxvif-core0001 | false | core | -",
        // VIFLIST: a listed VIF counts whatever its tag says; a listed VIF not returned is missing, counted not healthy.
        "list dxvif-edge0001,dxvif-none0001,dxvif-gone0001 | dxvif-edge0001 | true  | -    | available",
        "list dxvif-edge0001,dxvif-none0001,dxvif-gone0001 | dxvif-none0001 | true  | -    | available",
        "list dxvif-edge0001,dxvif-none0001,dxvif-gone0001 | dxvif-gone0001 | true  | -    | missing",
        "list dxvif-edge0001,dxvif-none0001,dxvif-gone0001 | dxvif-core0001 | false | core | -",
        "list dxvif-edge0001,dxvif-none0001,dxvif-gone0001 | dxvif-blank001 | false | -    | -",
    })
    void eachVifIsManagedOrNotAndAnotherGroupsIsKnownAsSuch(String managedBy, String vif, boolean managed,
                                                           String otherGroup, String state) {
        VifStates states = VifStates.select(managed(managedBy), REGION);
        assertThat(states.manages(vif)).isEqualTo(managed);
        assertThat(states.otherGroup(vif)).isEqualTo(otherGroup.equals("-") ? Optional.empty() : Optional.of(otherGroup));
        if (managed) {
            assertThat(states.get(vif).state()).isEqualTo(state);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // a group's VIFs by ID, whatever order Direct Connect returned them in; VIFLIST's in its own order
        "group core | dxvif-core0001,dxvif-core0002 | 2",
        "group edge | dxvif-edge0001 | 1",
        "group nobody | '' | 0",
        "list dxvif-none0001,dxvif-gone0001,dxvif-core0002 | dxvif-none0001,dxvif-gone0001,dxvif-core0002 | 2",
    })
    void theManagedVifsInOrderAndHowManyAreHealthy(String managedBy, String ids, long healthy) {
        VifStates states = VifStates.select(managed(managedBy), REGION);
        assertThat(states.ids()).containsExactlyElementsOf(ids.isEmpty() ? List.of() : List.of(ids.split(",")));
        assertThat(states.healthyCount()).isEqualTo(healthy);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"group core", "list dxvif-core0001,dxvif-none0001"})
    void whatAnInvocationChangesKeepsKnowingAnotherGroupsVifs(String managedBy) {
        VifStates states = VifStates.select(managed(managedBy), REGION).withTestStarted("dxvif-core0001");
        assertThat(states.get("dxvif-core0001").isUnderTest()).isTrue();
        assertThat(states.otherGroup("dxvif-edge0001")).contains("edge");
    }

    private static ManagedVifs managed(String text) {
        String[] words = text.split(" ", 2);
        return words[0].equals("group") ? new ManagedVifs.Group(words[1])
                : new ManagedVifs.Listed(List.of(words[1].split(",")));
    }
}
