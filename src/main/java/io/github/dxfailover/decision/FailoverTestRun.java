package io.github.dxfailover.decision;

import java.time.Instant;

/**
 * A BGP failover test on one VIF, as Direct Connect reports it.
 *
 * @param testId Direct Connect's test id
 * @param endsAt when the VIF's BGP sessions come back by themselves
 */
public record FailoverTestRun(String testId, Instant endsAt) {
}
