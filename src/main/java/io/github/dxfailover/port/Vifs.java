package io.github.dxfailover.port;

import java.util.Map;
import io.github.dxfailover.decision.FailoverTestRun;
import io.github.dxfailover.decision.Link;
import io.github.dxfailover.decision.TestHistoryEntry;
import io.github.dxfailover.decision.VifState;
import java.util.List;

/**
 * What the service asks of Direct Connect: the VIFs with their tags, their failover tests, what the
 * connections can carry, and the practice record (docs/behaviour.md §4, §15, §16). A failed call throws
 * {@code aws.AwsCallFailed}, which says which call, on which VIF, and what AWS answered.
 */
public interface Vifs {

    /**
     * Every VIF of the region with its tags, in one pass over every page (docs/behaviour.md §4, §18). Which of them
     * are managed is the service's to say, not the adapter's.
     */
    List<VifState> readAll();

    /** Every connection and LAG of the account and region (docs/behaviour.md §15). */
    List<Link> readLinks();

    /** The VIF's failover tests, every page of them, in no particular order. */
    List<TestHistoryEntry> history(String vifId);

    /** Takes the VIF's BGP sessions down for {@code minutes}; they come back by themselves. */
    FailoverTestRun start(String vifId, int minutes);

    /** Ends the VIF's running failover test now. */
    FailoverTestRun stop(String vifId);

    /**
     * The VIF's ARN, {@code arn:<partition>:directconnect:<region>:<account>:dxvif/<id>}, in the region Direct Connect
     * is read in and the account that owns the VIF: what it is tagged by, and what an event names (§16, §20).
     */
    String arn(VifState vif);

    /** Sets one of the function's own tags on the VIF (its ARN from the VIF's owner account as read). */
    void tag(VifState vif, String key, String value);

    /** Removes one of the function's own tags from the VIF. */
    void untag(VifState vif, String key);

    /**
     * Reads the VIFs' tags with DescribeTags, and nothing more: the read-only call the role allows on exactly the VIFs
     * it may write its records on (docs/behaviour.md §14), so a denial says a record could not be written there;
     * and how a write whose answer was lost is read back (§8). Each VIF's tags by its ID.
     */
    Map<String, Map<String, String>> readTags(List<VifState> vifs);
}
