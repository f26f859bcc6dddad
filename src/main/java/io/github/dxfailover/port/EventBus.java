package io.github.dxfailover.port;

import java.util.List;

/**
 * The EventBridge bus that hears of every notified invocation (docs/behaviour.md §20): other systems (ticketing, chat,
 * an archive of practice runs) read what SNS tells people. A failed put throws {@link AwsCallFailed}.
 */
public interface EventBus {
    /** The event's {@code source}: what a rule matches on. */
    String SOURCE = "dx-failover";
    /** The event's {@code detail-type}. */
    String DETAIL_TYPE = "DX Failover Result";

    /**
     * Puts one event; an entry the bus refuses ({@code FailedEntryCount}) throws as a failed call does.
     *
     * @param detail    the event's detail, a JSON object
     * @param resources the ARNs of the VIFs concerned
     */
    void put(String detail, List<String> resources);
}
