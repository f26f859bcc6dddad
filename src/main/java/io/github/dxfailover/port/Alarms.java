package io.github.dxfailover.port;

import io.github.dxfailover.decision.FiringAlarm;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the service reads of CloudWatch alarms (docs/behaviour.md §13, §14, §16). Failures throw {@code aws.AwsCallFailed}. */
public interface Alarms {

    /** Every metric and composite alarm now in ALARM, every page. */
    List<FiringAlarm> readFiring();

    /** Whether the named alarm's actions are enabled; empty when CloudWatch has no such alarm. */
    Optional<Boolean> actionsEnabled(String alarmName);

    /** The state of each named alarm (ALARM, OK, INSUFFICIENT_DATA); an alarm that does not exist is absent. */
    Map<String, String> statesOf(List<String> alarmNames);
}
