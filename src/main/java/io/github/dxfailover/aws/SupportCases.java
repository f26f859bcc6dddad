package io.github.dxfailover.aws;

import io.github.dxfailover.port.AwsCallFailed.Call;
import io.github.dxfailover.port.SupportCase;
import io.github.dxfailover.port.SupportDesk;
import io.github.dxfailover.config.FailoverConfig;
import java.util.List;
import software.amazon.awssdk.services.support.SupportClient;
import software.amazon.awssdk.services.support.model.CreateCaseRequest;
import software.amazon.awssdk.services.support.model.DescribeSeverityLevelsRequest;
import software.amazon.awssdk.services.support.model.SeverityLevel;

/** Opens the AWS Support case that goes with a failover (docs/behaviour.md §6). */
public record SupportCases(FailoverConfig config, SupportClient client) implements SupportDesk {

    /** Opens the case and returns its id. CreateCase has no idempotency token: callers call it once per test. */
    @Override
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
            throw AwsErrors.failed(Call.CREATE_CASE, null, e);
        }
    }

    /** The severity codes the account's support plan offers (DescribeSeverityLevels, read-only; docs/behaviour.md §14). */
    @Override
    public List<String> severityLevels() {
        try {
            return client.describeSeverityLevels(DescribeSeverityLevelsRequest.builder().language("en").build())
                    .severityLevels().stream().map(SeverityLevel::code).toList();
        } catch (RuntimeException e) {
            throw AwsErrors.failed(Call.DESCRIBE_SEVERITY_LEVELS, null, e);
        }
    }
}
