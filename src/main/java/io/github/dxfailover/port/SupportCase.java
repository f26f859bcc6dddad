package io.github.dxfailover.port;

/**
 * The support case to open for a failover (docs/behaviour.md §6), as an operator will read it.
 *
 * @param subject names the VIF, what asked for the failover and the test
 * @param body    the alarm, its reason, the VIF states seen, the test and when it ends
 */
public record SupportCase(String subject, String body) {
}
