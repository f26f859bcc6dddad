package io.github.dxfailover.aws;

import io.github.dxfailover.port.AwsCallFailed;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** How a failed AWS call is told to an operator, the same way for every service. */
public final class AwsErrors {
    private AwsErrors() {
    }

    /** The typed failure of an SDK call: which call, on which VIF (or null), and what AWS answered. */
    public static AwsCallFailed failed(AwsCallFailed.Call call, String vifId, RuntimeException e) {
        return new AwsCallFailed(call, vifId, code(e), text(e), e);
    }

    /** The service's error code and message when AWS answered, else the exception's message. */
    static String text(RuntimeException e) {
        if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
            String code = ase.awsErrorDetails().errorCode();
            String message = ase.awsErrorDetails().errorMessage();
            if (code != null || message != null) {
                return (code != null ? code : "HTTP " + ase.statusCode()) + ": " + (message != null ? message : "no message");
            }
            // An answer without an AWS error body (a proxy, an endpoint that does not know the call).
            return "HTTP " + ase.statusCode() + " without an AWS error code";
        }
        return e.getMessage();
    }

    /** The error code AWS answered with, or null when the call did not reach AWS. */
    static String code(RuntimeException e) {
        return e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                ? ase.awsErrorDetails().errorCode() : null;
    }
}
