package io.github.dxfailover.service;

import io.github.dxfailover.aws.AwsCallFailed;
import io.github.dxfailover.aws.SupportCases;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.FiringAlarm;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.Preflight;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.StatusText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's {@code status}: a preflight that changes nothing and notifies no one
 * (docs/behaviour.md §14). It reads every listed VIF with each BGP peer, running tests and alarms
 * in ALARM, checks the topic, the support plan and this function's right to run failover tests on
 * each VIF, and says whether the function is ready and every reason it is not. A read that fails
 * here is a reason, not an exception: a status must always answer.
 */
record StatusReport(Adapters aws) {
    private static final Logger LOG = LoggerFactory.getLogger(StatusReport.class);
    private static final String ACCESS_DENIED = "AccessDeniedException";

    Result run() {
        FailoverConfig config = aws.config();
        List<String> reasons = new ArrayList<>();
        VifStates states;
        try {
            states = aws.dx().readStates(config.vifIds());
        } catch (AwsCallFailed e) {
            LOG.warn("VIF states unavailable for status", e);
            reasons.add(StatusText.vifsUnreadable(e));
            states = VifStates.of(config.vifIds(), List.of());
        }
        Map<String, List<String>> alarmed = Map.of();
        try {
            alarmed = alarmNamesByVif(aws.alarms().readFiring());
        } catch (AwsCallFailed e) {
            LOG.warn("alarms unavailable for status", e);
            reasons.add(StatusText.alarmsUnreadable(e));
        }
        List<String> vifLines = new ArrayList<>();
        for (VifState vif : states.byId().values()) {
            String test = VifState.MISSING.equals(vif.state()) ? "" : testHistory(vif, reasons);
            vifLines.add(StatusText.vifLine(vif, test, alarmed.getOrDefault(vif.id(), List.of())));
            StatusText.vifReason(vif).ifPresent(reasons::add);
        }
        long healthy = states.healthyCount();
        if (healthy <= config.minVifs()) {
            reasons.add(StatusText.noneCanBeTakenOut(healthy, config.minVifs()));
        }
        aws.topic().checkAccess().ifPresent(e -> reasons.add(StatusText.topicProblem(aws.topic().topicArn(), e)));
        supportPlanProblem().ifPresent(reasons::add);

        String message = StatusText.message(reasons, healthy, states.byId().size(), config.minVifs(), config.dryRun(),
                vifLines);
        return Result.of(Outcome.STATUS, null, message, states, config.dryRun()).withPreflight(Preflight.of(reasons));
    }

    /**
     * The VIF's running test, read with ListVirtualInterfaceTestHistory: the read-only call the role
     * allows on exactly the ARNs it may start and stop tests on. A denial means a failover on this VIF
     * would be denied too.
     */
    private String testHistory(VifState vif, List<String> reasons) {
        try {
            var running = aws.dx().runningTest(vif.id());
            return vif.isUnderTest() ? StatusText.runningTest(running) : "";
        } catch (AwsCallFailed e) {
            LOG.warn("test history of {} unavailable", vif.id(), e);
            if (ACCESS_DENIED.equals(e.code())) {
                reasons.add(StatusText.mayNotTest(vif.id(), e));
            } else if (!vif.isUnderTest()) {
                reasons.add(StatusText.testHistoryUnreadable(vif.id(), e));
            }
            return vif.isUnderTest() ? StatusText.testHistoryUnavailable(e) : "";
        }
    }

    /** Why a failover could open no case, or empty; nothing to check, and no call, with SUPPORT_CASE=false. */
    private Optional<String> supportPlanProblem() {
        FailoverConfig config = aws.config();
        if (!config.supportCase()) {
            return Optional.empty();
        }
        try {
            List<String> offered = aws.supportCases().severityLevels();
            return !offered.isEmpty() && !offered.contains(config.supportSeverity())
                    ? Optional.of(StatusText.severityNotOffered(config.supportSeverity(), offered))
                    : Optional.empty();
        } catch (AwsCallFailed e) {
            return Optional.of(StatusText.supportPlanProblem(e, SupportCases.isNoSupportPlan(e)));
        }
    }

    /** Each listed VIF's alarms now in ALARM, by name, muted ones marked. */
    private Map<String, List<String>> alarmNamesByVif(List<FiringAlarm> firing) {
        Map<String, List<String>> byVif = new TreeMap<>();
        for (FiringAlarm alarm : firing) {
            String vifId = alarm.vifId();
            if (vifId != null && aws.config().manages(vifId)) {
                byVif.computeIfAbsent(vifId, v -> new ArrayList<>()).add(StatusText.alarmName(alarm));
            }
        }
        return byVif;
    }
}
