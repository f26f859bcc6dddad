package io.github.dxfailover;

/** A failure the invocation must report by throwing, so that Lambda retries the event (docs/behaviour.md §8). */
public final class FailoverException extends RuntimeException {
    public FailoverException(String message, Throwable cause) {
        super(message, cause);
    }
}
