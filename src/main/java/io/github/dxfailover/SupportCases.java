package io.github.dxfailover;

import software.amazon.awssdk.services.support.SupportClient;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.support.model.CreateCaseRequest;
import software.amazon.awssdk.services.support.model.DescribeSeverityLevelsRequest;
import software.amazon.awssdk.services.support.model.SeverityLevel;

/** Opens the AWS Support case that goes with a failover (docs/behaviour.md §6). */
final class SupportCases {
    /** What Support answers an account without Business or Enterprise support; the SDK has no class for it. */
    static final String SUBSCRIPTION_REQUIRED = "SubscriptionRequiredException";

    private final FailoverConfig config;
    private final SupportClient client;

    SupportCases(FailoverConfig config, SupportClient client) {
        this.config = config;
        this.client = client;
    }

    /** Opens the case and returns its id. CreateCase has no idempotency token: callers call it once per test. */
    String open(Trigger trigger, Result failover, int minutes) {
        String vifId = failover.vifId();
        String why = switch (trigger) {
            case Alarm a -> "because a CloudWatch alarm reported bad traffic on it";
            case FiringAlarm f -> "because a CloudWatch alarm has been reporting bad traffic on it since " + f.since();
            case OperatorCommand c -> "at an operator's request";
        };
        String body = "The Direct Connect virtual interface " + vifId + " was taken out of service by the "
                + "aws-dx-failover function " + why + ".\n\n"
                + NotificationWriter.triggerLines(trigger) + "\n"
                + "BGP failover test " + failover.testId() + " was started for " + minutes + " minutes; it ends at "
                + failover.testEndsAt() + ", when the BGP sessions come back by themselves.\n\n"
                + "VIF states when the failover was decided:\n" + failover.vifs().table() + "\n"
                + "Please investigate the virtual interface and its connection.";
        CreateCaseRequest.Builder request = CreateCaseRequest.builder()
                .subject("Direct Connect VIF " + vifId + " taken out of service "
                        + (trigger instanceof OperatorCommand ? "by operator command" : "after alarm")
                        + " (failover test " + failover.testId() + ")")
                .serviceCode(config.supportServiceCode())
                .categoryCode(config.supportCategoryCode())
                .severityCode(config.supportSeverity())
                .issueType("technical")
                .language("en")
                .communicationBody(body);
        if (!config.ccEmails().isEmpty()) {
            request.ccEmailAddresses(config.ccEmails());
        }
        return client.createCase(request.build()).caseId();
    }

    /**
     * Why a failover could open no case, or empty when the account's plan can (DescribeSeverityLevels,
     * read-only; docs/behaviour.md §14). Nothing to check, and no call, with SUPPORT_CASE=false.
     */
    Optional<String> problem() {
        if (!config.supportCase()) {
            return Optional.empty();
        }
        try {
            List<String> offered = client.describeSeverityLevels(
                            DescribeSeverityLevelsRequest.builder().language("en").build()).severityLevels().stream()
                    .map(SeverityLevel::code).toList();
            if (!offered.isEmpty() && !offered.contains(config.supportSeverity())) {
                return Optional.of("SUPPORT_SEVERITY=" + config.supportSeverity() + " is not offered to this account's "
                        + "support plan (it offers " + String.join(", ", offered) + ")");
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            if (SUBSCRIPTION_REQUIRED.equals(AwsErrors.code(e))) {
                return Optional.of("this account has no Business or Enterprise support plan (" + SUBSCRIPTION_REQUIRED
                        + "): a failover could open no support case; subscribe, or set SUPPORT_CASE=false");
            }
            return Optional.of("the Support API could not be checked: " + AwsErrors.text(e));
        }
    }

    /** The sentence the result and the notification give when no case could be opened. */
    static String whyNotOpened(RuntimeException e) {
        if (SUBSCRIPTION_REQUIRED.equals(AwsErrors.code(e))) {
            return "support case not opened: this account has no Business or Enterprise support plan ("
                    + SUBSCRIPTION_REQUIRED + "); the failover stands";
        }
        return "support case not opened: " + AwsErrors.text(e) + "; the failover stands";
    }
}
