package io.github.dxfailover;

import software.amazon.awssdk.services.support.SupportClient;
import software.amazon.awssdk.services.support.model.CreateCaseRequest;
import software.amazon.awssdk.services.support.model.SupportException;

/** Opens the AWS Support case that goes with a failover (SPEC §6). */
final class SupportCases {
    /** What Support answers an account without Business or Enterprise support; the SDK has no class for it. */
    static final String SUBSCRIPTION_REQUIRED = "SubscriptionRequiredException";

    private final FailoverConfig config;
    private final SupportClient support;

    SupportCases(FailoverConfig config, SupportClient support) {
        this.config = config;
        this.support = support;
    }

    /** Opens the case and returns its id. CreateCase has no idempotency token: callers call it once per test. */
    String open(Alarm alarm, FailoverResult failover, int minutes) {
        String vifId = failover.vifId();
        String body = "The Direct Connect virtual interface " + vifId + " was taken out of service by the "
                + "aws-dx-failover function because a CloudWatch alarm reported bad traffic on it.\n\n"
                + "Alarm: " + alarm.name() + "\n"
                + "State: " + alarm.state() + (alarm.time().isEmpty() ? "" : " at " + alarm.time()) + "\n"
                + "Reason: " + alarm.reason() + "\n\n"
                + "BGP failover test " + failover.testId() + " was started for " + minutes + " minutes; it ends at "
                + failover.testEndsAt() + ", when the BGP sessions come back by themselves.\n\n"
                + "VIF states when the alarm arrived:\n" + failover.vifs().table() + "\n"
                + "Please investigate the virtual interface and its connection.";
        CreateCaseRequest.Builder request = CreateCaseRequest.builder()
                .subject("Direct Connect VIF " + vifId + " taken out of service after alarm (failover test "
                        + failover.testId() + ")")
                .serviceCode(config.supportServiceCode())
                .categoryCode(config.supportCategoryCode())
                .severityCode(config.supportSeverity())
                .issueType("technical")
                .language("en")
                .communicationBody(body);
        if (!config.ccEmails().isEmpty()) {
            request.ccEmailAddresses(config.ccEmails());
        }
        return support.createCase(request.build()).caseId();
    }

    /** The sentence the result and the notification give when no case could be opened. */
    static String whyNotOpened(RuntimeException e) {
        if (e instanceof SupportException se && se.awsErrorDetails() != null
                && SUBSCRIPTION_REQUIRED.equals(se.awsErrorDetails().errorCode())) {
            return "support case not opened: this account has no Business or Enterprise support plan ("
                    + SUBSCRIPTION_REQUIRED + "); the failover stands";
        }
        return "support case not opened: " + FailoverService.errorText(e) + "; the failover stands";
    }
}
