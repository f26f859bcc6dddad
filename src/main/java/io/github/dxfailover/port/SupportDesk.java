package io.github.dxfailover.port;

import java.util.List;

/** AWS Support (docs/behaviour.md §6, §14). Failures throw {@code aws.AwsCallFailed}. */
public interface SupportDesk {
    /** What Support answers an account without Business or Enterprise support; the SDK has no class for it. */
    String SUBSCRIPTION_REQUIRED = "SubscriptionRequiredException";

    /** Whether Support refused because the account has no Business or Enterprise plan. */
    static boolean isNoSupportPlan(AwsCallFailed e) {
        return SUBSCRIPTION_REQUIRED.equals(e.code());
    }

    /** Opens the case and returns its id; CreateCase has no idempotency token: call it once per test. */
    String open(SupportCase supportCase);

    /** The severity codes the account's support plan offers. */
    List<String> severityLevels();
}
