package io.github.dxfailover.service;

import io.github.dxfailover.result.Result;

/**
 * The invocation fails, so that Lambda retries the event (docs/behaviour.md §8): a read failed before
 * anything changed, a notification that is all an outcome does was not sent, or starting or stopping
 * a failover test failed. A reconcile pass that fails after starting tests carries what it had done,
 * so that those starts are still counted in the metrics.
 */
public final class RetryableFailure extends RuntimeException {
    private final transient Result partial;

    public RetryableFailure(String message, Throwable cause) {
        this(message, cause, null);
    }

    private RetryableFailure(String message, Throwable cause, Result partial) {
        super(message, cause);
        this.partial = partial;
    }

    /** The same failure, with what the invocation had done before it. */
    RetryableFailure after(Result done) {
        RetryableFailure e = new RetryableFailure(getMessage(), getCause(), done);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** What the invocation had done before it failed, or null. */
    public Result partial() {
        return partial;
    }
}
