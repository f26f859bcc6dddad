package io.github.dxfailover.config;

import java.util.List;

/** Every problem found in the environment variables, and the SNS topic if that one is valid. */
public final class InvalidConfigException extends Exception {
    private final transient List<String> problems;
    private final String validSnsTopicArn;

    InvalidConfigException(List<String> problems, String validSnsTopicArn) {
        super("Invalid configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
        this.validSnsTopicArn = validSnsTopicArn;
    }

    public List<String> problems() {
        return problems;
    }

    /** The SNSARN value if it was valid (the config error can then be notified), else null. */
    public String validSnsTopicArn() {
        return validSnsTopicArn;
    }
}
