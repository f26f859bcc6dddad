package io.github.dxfailover.service;

import io.github.dxfailover.port.Alarms;
import io.github.dxfailover.port.EventBus;
import io.github.dxfailover.port.SupportDesk;
import io.github.dxfailover.port.Topic;
import io.github.dxfailover.port.Traffic;
import io.github.dxfailover.port.Vifs;

/**
 * The AWS the service acts through, one small interface per service it calls: built from the SDK clients by
 * {@link Wiring}, or handed in by a test as in-memory fakes.
 *
 * @param events the EVENT_BUS bus, or null when EVENT_BUS is not set (docs/behaviour.md §20)
 */
public record Ports(Vifs vifs, Alarms alarms, Traffic traffic, Topic topic, SupportDesk support, EventBus events) {
}
