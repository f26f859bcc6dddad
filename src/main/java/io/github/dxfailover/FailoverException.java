package io.github.dxfailover;

/**
 * A failure the invocation must report by throwing, so that Lambda retries the event (docs/behaviour.md §8).
 * A reconcile pass that fails after starting tests carries what it had done, so that those starts
 * are still counted in the metrics.
 */
public final class FailoverException extends RuntimeException {
    private final transient Result partial;

    public FailoverException(String message, Throwable cause) {
        this(message, cause, null);
    }

    private FailoverException(String message, Throwable cause, Result partial) {
        super(message, cause);
        this.partial = partial;
    }

    /** The same failure, with what the invocation had done before it. */
    FailoverException after(Result done) {
        FailoverException e = new FailoverException(getMessage(), getCause(), done);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** What the invocation had done before it failed, or null. */
    public Result partial() {
        return partial;
    }
}
