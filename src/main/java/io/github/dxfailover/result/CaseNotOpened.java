package io.github.dxfailover.result;

/**
 * Why a failover opened no support case (docs/behaviour.md §6): carried in the result so that the
 * notification can say it without finding it again among the errors.
 *
 * @param noSupportPlan the account has no Business or Enterprise support plan (SubscriptionRequiredException)
 * @param awsError      the error Support answered, as {@code code: message}, or what went wrong on the way
 * @param maybeOpen     no answer came (a timeout, a reset connection): the case may be open, and CreateCase is not
 *                      sent again (Support takes no idempotency token, §8)
 */
public record CaseNotOpened(boolean noSupportPlan, String awsError, boolean maybeOpen) {
    public CaseNotOpened(boolean noSupportPlan, String awsError) {
        this(noSupportPlan, awsError, false);
    }
}
