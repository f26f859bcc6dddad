package io.github.dxfailover.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which VIFs this function manages (docs/behaviour.md §5, §18): those VIFLIST names, or every VIF Direct Connect
 * returns with the tag {@value #GROUP_TAG} = VIFGROUP. Either way the managed VIFs themselves are read in each
 * invocation ({@code decision.VifStates.select}); this is only the rule that picks them.
 */
public sealed interface ManagedVifs {
    /** The tag that puts a VIF into a group. The function never writes it (docs/behaviour.md §12, §18). */
    String GROUP_TAG = "dx-failover:group";

    /**
     * Whether the VIF may be managed, as far as is known before reading Direct Connect: a listed VIF, or with a group
     * any VIF, since its tag can be set at any time. What is known not to be managed needs no read.
     */
    boolean mayManage(String vifId);

    /**
     * VIFLIST: these VIFs, in its order.
     *
     * @param ids distinct VIF IDs
     */
    record Listed(List<String> ids) implements ManagedVifs {
        public Listed {
            ids = List.copyOf(ids);
        }

        @Override
        public boolean mayManage(String vifId) {
            return ids.contains(vifId);
        }
    }

    /**
     * VIFGROUP: every VIF tagged {@value #GROUP_TAG} = {@code name}.
     *
     * @param name the tag's value, as AWS allows one: 1 to 128 letters, digits, spaces and {@code _.:/=+-@}
     */
    record Group(String name) implements ManagedVifs {
        /** The characters AWS allows in a tag value, at least one and at most 128 of them. */
        static final Pattern NAME = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");
        static final String EXPECTED = "1 to 128 letters, digits, spaces and _.:/=+-@ (the value of the tag "
                + GROUP_TAG + " on the VIFs to manage)";

        @Override
        public boolean mayManage(String vifId) {
            return true;
        }

        /**
         * A group tag that differs from VIFGROUP only in letter case or surrounding spaces is a typo, not another
         * deployment's group (docs/behaviour.md §18): told, never silent.
         */
        public boolean typo(String tag) {
            return tag != null && !tag.equals(name) && tag.strip().equalsIgnoreCase(name.strip());
        }
    }
}
