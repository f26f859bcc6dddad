package io.github.dxfailover.service;

import io.github.dxfailover.aws.CloudWatch;
import io.github.dxfailover.aws.DirectConnect;
import io.github.dxfailover.aws.SnsTopic;
import io.github.dxfailover.aws.SupportCases;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Decision;
import io.github.dxfailover.decision.Trigger;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Messages;
import java.time.Clock;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.support.SupportClient;

/**
 * The settings and the one adapter per AWS service that every job of the service shares: evaluation,
 * restore, the reconcile pass and the status preflight.
 */
record Adapters(FailoverConfig config, DirectConnect dx, SnsTopic topic, SupportCases supportCases,
                CloudWatch cloudWatch, Clock clock) {

    static Adapters of(FailoverConfig config, DirectConnectClient dx, SnsClient sns, SupportClient support,
                       CloudWatchClient cloudWatch, Clock clock) {
        return new Adapters(config, new DirectConnect(dx, clock), new SnsTopic(sns, config.snsTopicArn()),
                new SupportCases(config, support), new CloudWatch(cloudWatch, clock), clock);
    }

    /** The result of a decision, before anything was done about it; {@code trigger} is null for a restore. */
    Result resultOf(Decision d, Trigger trigger, VifStates states) {
        Result r = Result.of(d.outcome(), d.vifId(), Messages.reason(d, trigger, states, config), states, config.dryRun());
        return d.capacity() == null ? r : r.withCapacity(Messages.capacityReport(d.capacity()));
    }
}
