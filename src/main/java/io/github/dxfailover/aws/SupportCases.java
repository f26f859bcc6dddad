package io.github.dxfailover.aws;

import io.github.dxfailover.aws.AwsCallFailed.Call;
import io.github.dxfailover.config.FailoverConfig;
import java.util.List;
import software.amazon.awssdk.services.support.SupportClient;
import software.amazon.awssdk.services.support.model.CreateCaseRequest;
import software.amazon.awssdk.services.support.model.DescribeSeverityLevelsRequest;
import software.amazon.awssdk.services.support.model.SeverityLevel;

/** Opens the AWS Support case that goes with a failover (docs/behaviour.md §6). */
public record SupportCases(FailoverConfig config, SupportClient client) {
    /** What Support answers an account without Business or Enterprise support; the SDK has no class for it. */
    public static final String SUBSCRIPTION_REQUIRED = "SubscriptionRequiredException";

    /** Opens the case and returns its id. CreateCase has no idempotency token: callers call it once per test. */
    public String open(SupportCase supportCase) {
        CreateCaseRequest.Builder request = CreateCaseRequest.builder()
                .subject(supportCase.subject())
                .serviceCode(config.supportServiceCode())
                .categoryCode(config.supportCategoryCode())
                .severityCode(config.supportSeverity())
                .issueType("technical")
                .language("en")
                .communicationBody(supportCase.body());
        if (!config.ccEmails().isEmpty()) {
            request.ccEmailAddresses(config.ccEmails());
        }
        try {
            return client.createCase(request.build()).caseId();
        } catch (RuntimeException e) {
            throw new AwsCallFailed(Call.CREATE_CASE, null, e);
        }
    }

    /** The severity codes the account's support plan offers (DescribeSeverityLevels, read-only; docs/behaviour.md §14). */
    public List<String> severityLevels() {
        try {
            return client.describeSeverityLevels(DescribeSeverityLevelsRequest.builder().language("en").build())
                    .severityLevels().stream().map(SeverityLevel::code).toList();
        } catch (RuntimeException e) {
            throw new AwsCallFailed(Call.DESCRIBE_SEVERITY_LEVELS, null, e);
        }
    }

    /** Whether Support refused because the account has no Business or Enterprise plan. */
    public static boolean isNoSupportPlan(AwsCallFailed e) {
        return SUBSCRIPTION_REQUIRED.equals(e.code());
    }
}
