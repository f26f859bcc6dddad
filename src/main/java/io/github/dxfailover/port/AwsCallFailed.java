package io.github.dxfailover.port;

/**
 * An AWS call that failed, after the SDK's own retries: which call, on which VIF, and what AWS (or
 * the network) answered. Adapters throw it (built by {@code aws.AwsErrors}, which reads the SDK's exception); the
 * service decides what it means and the text package words it for an operator.
 */
public final class AwsCallFailed extends RuntimeException {

    /** The calls the function makes, by the operation's name. */
    public enum Call {
        DESCRIBE_VIRTUAL_INTERFACES("DescribeVirtualInterfaces"),
        START_BGP_FAILOVER_TEST("StartBgpFailoverTest"),
        STOP_BGP_FAILOVER_TEST("StopBgpFailoverTest"),
        LIST_TEST_HISTORY("ListVirtualInterfaceTestHistory"),
        DESCRIBE_CONNECTIONS("DescribeConnections"),
        DESCRIBE_LAGS("DescribeLags"),
        GET_METRIC_DATA("GetMetricData"),
        TAG_RESOURCE("TagResource"),
        UNTAG_RESOURCE("UntagResource"),
        DESCRIBE_TAGS("DescribeTags"),
        DESCRIBE_ALARMS("DescribeAlarms"),
        PUBLISH("Publish"),
        GET_TOPIC_ATTRIBUTES("GetTopicAttributes"),
        CREATE_CASE("CreateCase"),
        DESCRIBE_SEVERITY_LEVELS("DescribeSeverityLevels"),
        PUT_EVENTS("PutEvents");

        private final String operation;

        Call(String operation) {
            this.operation = operation;
        }

        public String operation() {
            return operation;
        }
    }

    private final Call call;
    private final String vifId;
    private final String code;
    private final String awsText;

    /**
     * @param code    AWS's error code, or null when the call did not reach AWS
     * @param awsText {@code code: message} when AWS answered, else what went wrong on the way
     */
    public AwsCallFailed(Call call, String vifId, String code, String awsText, Throwable cause) {
        super(call.operation() + (vifId == null ? "" : " on " + vifId) + " failed: " + awsText, cause);
        this.call = call;
        this.vifId = vifId;
        this.code = code;
        this.awsText = awsText;
    }

    public Call call() {
        return call;
    }

    /** The VIF the call was about, or null. */
    public String vifId() {
        return vifId;
    }

    /** AWS's error code ("ThrottlingException", "NotFound", …), or null when the call did not reach AWS. */
    public String code() {
        return code;
    }

    /** {@code code: message} when AWS answered, else what went wrong on the way. */
    public String awsText() {
        return awsText;
    }
}
