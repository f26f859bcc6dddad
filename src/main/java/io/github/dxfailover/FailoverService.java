package io.github.dxfailover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.directconnect.model.BGPPeer;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesResponse;
import software.amazon.awssdk.services.directconnect.model.ListVirtualInterfaceTestHistoryRequest;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.StopBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.VirtualInterface;
import software.amazon.awssdk.services.directconnect.model.VirtualInterfaceTestHistory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.support.SupportClient;

/**
 * Decides and acts: reads the VIFs in one pass, applies {@link Decision}, starts or stops the BGP
 * failover test, opens the support case and notifies (SPEC §4, §6, §7, §8).
 */
public final class FailoverService {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverService.class);
    private static final String TESTING = "testing";

    private final FailoverConfig config;
    private final DirectConnectClient dx;
    private final SnsClient sns;
    private final SupportCases supportCases;
    private final Clock clock;

    public FailoverService(FailoverConfig config, DirectConnectClient dx, SnsClient sns, SupportClient support,
                           Clock clock) {
        this.config = config;
        this.dx = dx;
        this.sns = sns;
        this.supportCases = new SupportCases(config, support);
        this.clock = clock;
    }

    public FailoverResult handle(Request request) {
        return switch (request) {
            case Request.Evaluate e -> evaluate(e.alarm(), e.minutes());
            case Request.Status s -> status();
            case Request.Restore r -> restore(r.vifId());
            case Request.Invalid i -> FailoverResult.of(Outcome.REJECTED, null, i.problem(), VifStates.notRead(),
                    config.dryRun());
        };
    }

    private FailoverResult evaluate(Alarm alarm, Integer minutes) {
        VifStates states = alarm.inAlarm() ? readStates() : VifStates.notRead();
        Decision decision = Decision.decide(config, alarm, states);
        FailoverResult result = FailoverResult.of(decision.outcome(), decision.vifId(), decision.reason(), states,
                config.dryRun());
        return switch (decision.outcome()) {
            case IGNORED -> result;
            case FAILED_OVER -> failover(alarm, minutes == null ? config.failoverMinutes() : minutes, result);
            default -> {
                // Nothing has changed, so a failed notification throws: the retry is safe and the message is the point.
                publish(Notifications.forResult(result, alarm, config));
                yield result;
            }
        };
    }

    FailoverResult failover(Alarm alarm, int minutes, FailoverResult decided) {
        String vifId = decided.vifId();
        VirtualInterfaceTestHistory test;
        try {
            test = dx.startBgpFailoverTest(StartBgpFailoverTestRequest.builder()
                    .virtualInterfaceId(vifId).testDurationInMinutes(minutes).build()).virtualInterfaceTest();
        } catch (RuntimeException e) {
            String why = "starting the BGP failover test on " + vifId + " failed: " + errorText(e);
            LOG.error(why, e);
            FailoverResult failed = FailoverResult.of(Outcome.ERROR, vifId, why, decided.vifs(), false);
            tryPublish(Notifications.forResult(failed, alarm, config));
            throw new FailoverException(why, e);
        }
        // From here on the VIF is out of service: nothing may throw (SPEC §8).
        Instant endsAt = test.endTime() != null ? test.endTime() : clock.instant().plus(Duration.ofMinutes(minutes));
        FailoverResult result = decided.withTest(test.testId(), endsAt).withMessage("BGP failover test " + test.testId()
                + " started on " + vifId + " for " + minutes + " minutes; BGP comes back by itself at " + endsAt);
        LOG.info("failover test {} started on {} until {}", test.testId(), vifId, endsAt);
        if (config.supportCase()) {
            try {
                result = result.withCase(supportCases.open(alarm, result, minutes));
            } catch (RuntimeException e) {
                String why = SupportCases.whyNotOpened(e);
                LOG.error(why, e);
                result = result.withError(why);
            }
        }
        return tryPublish(Notifications.forResult(result, alarm, config)).map(result::withError).orElse(result);
    }

    private FailoverResult status() {
        VifStates states = readStates();
        List<String> parts = new ArrayList<>();
        for (VifState vif : states.byId().values()) {
            String part = vif.id() + " " + vif.describe();
            if (TESTING.equals(vif.state())) {
                part += runningTestNote(vif.id());
            }
            parts.add(part);
        }
        String message = states.healthyCount() + " of " + states.byId().size() + " listed VIFs healthy, MINVIFS is "
                + config.minVifs() + (config.dryRun() ? ", DRY_RUN is on" : "") + ": " + String.join("; ", parts);
        return FailoverResult.of(Outcome.STATUS, null, message, states, config.dryRun());
    }

    private FailoverResult restore(String vifId) {
        if (!config.manages(vifId)) {
            return FailoverResult.of(Outcome.NOT_MANAGED, vifId, vifId + " is not in VIFLIST, so it is never touched",
                    VifStates.notRead(), config.dryRun());
        }
        VifStates states = readStates();
        VifState vif = states.get(vifId);
        if (!TESTING.equals(vif.state())) {
            return FailoverResult.of(Outcome.NOTHING_TO_RESTORE, vifId, vifId + " has no failover test running ("
                    + vif.describe() + ")", states, config.dryRun());
        }
        if (config.dryRun()) {
            return FailoverResult.of(Outcome.DRY_RUN, vifId, "would stop the BGP failover test on " + vifId
                    + " (DRY_RUN)", states, true);
        }
        VirtualInterfaceTestHistory test;
        try {
            test = dx.stopBgpFailoverTest(StopBgpFailoverTestRequest.builder().virtualInterfaceId(vifId).build())
                    .virtualInterfaceTest();
        } catch (RuntimeException e) {
            throw new FailoverException("stopping the BGP failover test on " + vifId + " failed: " + errorText(e), e);
        }
        FailoverResult result = FailoverResult.of(Outcome.RESTORED, vifId, "BGP failover test " + test.testId()
                + " on " + vifId + " stopped; its BGP sessions come back up now", states, false)
                .withTest(test.testId(), test.endTime());
        Alarm command = new Alarm("restore " + vifId + " (operator command)", "RESTORE", "", "", "", "", List.of());
        return tryPublish(Notifications.forResult(result, command, config)).map(result::withError).orElse(result);
    }

    /** Every listed VIF in one pass over DescribeVirtualInterfaces pages (SPEC §4). Failure throws: nothing changed yet. */
    VifStates readStates() {
        List<VifState> returned = new ArrayList<>();
        String token = null;
        try {
            do {
                DescribeVirtualInterfacesResponse page = dx.describeVirtualInterfaces(
                        DescribeVirtualInterfacesRequest.builder().nextToken(token).build());
                for (VirtualInterface v : page.virtualInterfaces()) {
                    returned.add(new VifState(v.virtualInterfaceId(), v.virtualInterfaceStateAsString(),
                            v.bgpPeers().stream().map(BGPPeer::bgpStatusAsString).toList()));
                }
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        } catch (RuntimeException e) {
            throw new FailoverException("reading the VIF states from Direct Connect failed (nothing was changed): "
                    + errorText(e), e);
        }
        return VifStates.of(config.vifIds(), returned);
    }

    /** " (failover test … until …)" for the status report; a failed look-up is reported, not thrown (a status changes nothing). */
    private String runningTestNote(String vifId) {
        try {
            VirtualInterfaceTestHistory test = runningTest(vifId);
            return test == null ? " (no running test found)"
                    : " (failover test " + test.testId() + " until " + test.endTime() + ")";
        } catch (RuntimeException e) {
            LOG.warn("test history of {} unavailable", vifId, e);
            return " (test history unavailable: " + errorText(e) + ")";
        }
    }

    private VirtualInterfaceTestHistory runningTest(String vifId) {
        Instant now = clock.instant();
        return dx.listVirtualInterfaceTestHistory(ListVirtualInterfaceTestHistoryRequest.builder()
                        .virtualInterfaceId(vifId).build()).virtualInterfaceTestHistory()
                .stream()
                .filter(t -> t.endTime() == null || t.endTime().isAfter(now))
                .filter(t -> t.status() == null || !t.status().toUpperCase(Locale.ROOT).matches("COMPLETED|CANCELLED|FAILED"))
                .findFirst().orElse(null);
    }

    private void publish(Notification n) {
        try {
            Notifier.publish(sns, config.snsTopicArn(), n);
        } catch (RuntimeException e) {
            throw new FailoverException("notification not sent (nothing was changed): " + errorText(e), e);
        }
    }

    /** Publishes; a failure is logged and returned, never thrown. */
    private Optional<String> tryPublish(Notification n) {
        try {
            Notifier.publish(sns, config.snsTopicArn(), n);
            return Optional.empty();
        } catch (RuntimeException e) {
            String why = "notification not sent: " + errorText(e);
            LOG.error(why, e);
            return Optional.of(why);
        }
    }

    /** The service's error code and message when AWS answered, else the exception's message. */
    static String errorText(RuntimeException e) {
        if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
            return ase.awsErrorDetails().errorCode() + ": " + ase.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
