package io.github.dxfailover.snapstart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client that answers every request itself with a canned success: nothing leaves the JVM.
 * SnapStart priming sends the operations that change things through it, so their marshalling,
 * signing and unmarshalling code is loaded before the snapshot without reaching AWS.
 */
final class InProcessHttpClient implements SdkHttpClient {
    /** The priming VIFs all run on one 10 Gbit/s connection and carry 1 Mbit/s: the capacity step passes. */
    private static final String CONNECTION = "dxcon-priming";
    private final List<String> answered = new CopyOnWriteArrayList<>();
    private final String describeAnswer;
    private final String alarmsAnswer;

    /**
     * @param healthyVifs the VIFs DescribeVirtualInterfaces reports available with BGP up
     * @param vifUnderTest one it reports testing, so that a restore can be primed
     */
    InProcessHttpClient(List<String> healthyVifs, String vifUnderTest) {
        this.describeAnswer = Stream.concat(
                        healthyVifs.stream().map(id -> vif(id, "available", "up")),
                        Stream.of(vif(vifUnderTest, "testing", "down")))
                .collect(Collectors.joining(",", "{\"virtualInterfaces\":[", "]}"));
        // One alarm in ALARM on the first VIF, so that the reconcile path runs its failover too.
        this.alarmsAnswer = "<DescribeAlarmsResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
                + "<DescribeAlarmsResult><MetricAlarms><member><AlarmName>" + healthyVifs.get(0) + " priming</AlarmName>"
                + "<AlarmArn>arn:aws:cloudwatch:us-east-1:000000000000:alarm:priming</AlarmArn>"
                + "<StateValue>ALARM</StateValue><StateReason>priming</StateReason>"
                + "<StateUpdatedTimestamp>2026-01-01T00:00:00Z</StateUpdatedTimestamp>"
                + "<ActionsEnabled>true</ActionsEnabled></member></MetricAlarms><CompositeAlarms/></DescribeAlarmsResult>"
                + "<ResponseMetadata><RequestId>priming</RequestId></ResponseMetadata></DescribeAlarmsResponse>";
    }

    /** The operations answered, e.g. "OvertureService.StartBgpFailoverTest" or "Publish". */
    List<String> answered() {
        return List.copyOf(answered);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                String body = request.contentStreamProvider().map(p -> read(p.newStream())).orElse("");
                String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse(null);
                String operation = target != null ? target : body.replaceAll("^Action=([A-Za-z]+).*$", "$1");
                answered.add(operation);
                String answer = answer(operation);
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", target != null ? "application/x-amz-json-1.1" : "text/xml")
                                .putHeader("x-amzn-RequestId", "priming").build())
                        .responseBody(AbortableInputStream.create(
                                new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8))))
                        .build();
            }

            @Override
            public void abort() {
                // nothing in flight
            }
        };
    }

    private static String vif(String id, String state, String bgp) {
        return "{\"virtualInterfaceId\":\"" + id + "\",\"virtualInterfaceState\":\"" + state + "\","
                + "\"connectionId\":\"" + CONNECTION + "\",\"bgpPeers\":[{\"bgpStatus\":\"" + bgp + "\"}]}";
    }

    private String answer(String operation) {
        return switch (operation) {
            case "OvertureService.DescribeVirtualInterfaces" -> describeAnswer;
            case "DescribeAlarms" -> alarmsAnswer;
            case "OvertureService.StartBgpFailoverTest", "OvertureService.StopBgpFailoverTest" -> "{\"virtualInterfaceTest\":{\"testId\":\"priming\","
                    + "\"virtualInterfaceId\":\"dxvif-priming0\",\"status\":\"IN_PROGRESS\",\"testDurationInMinutes\":1,"
                    + "\"startTime\":0,\"endTime\":60,\"bgpPeers\":[]}}";
            case "OvertureService.DescribeConnections" -> "{\"connections\":[{\"connectionId\":\"" + CONNECTION
                    + "\",\"connectionState\":\"available\",\"bandwidth\":\"10Gbps\"}]}";
            case "OvertureService.DescribeLags" -> "{\"lags\":[]}";
            case "GetMetricData" -> "<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
                    + "<GetMetricDataResult><MetricDataResults><member><Id>v0m0</Id><StatusCode>Complete</StatusCode>"
                    + "<Timestamps><member>2026-01-01T00:00:00Z</member></Timestamps><Values><member>1000000</member>"
                    + "</Values></member><member><Id>v1m0</Id><StatusCode>Complete</StatusCode><Timestamps><member>"
                    + "2026-01-01T00:00:00Z</member></Timestamps><Values><member>1000000</member></Values></member>"
                    + "</MetricDataResults></GetMetricDataResult><ResponseMetadata><RequestId>priming</RequestId>"
                    + "</ResponseMetadata></GetMetricDataResponse>";
            case "AWSSupport_20130415.CreateCase" -> "{\"caseId\":\"priming\"}";
            case "AWSSupport_20130415.DescribeSeverityLevels" -> "{\"severityLevels\":[{\"code\":\"low\"},{\"code\":\"normal\"},"
                    + "{\"code\":\"high\"},{\"code\":\"urgent\"},{\"code\":\"critical\"}]}";
            case "GetTopicAttributes" -> "<GetTopicAttributesResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                    + "<GetTopicAttributesResult><Attributes/></GetTopicAttributesResult><ResponseMetadata>"
                    + "<RequestId>priming</RequestId></ResponseMetadata></GetTopicAttributesResponse>";
            case "Publish" -> "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                    + "<MessageId>priming</MessageId></PublishResult><ResponseMetadata><RequestId>priming</RequestId>"
                    + "</ResponseMetadata></PublishResponse>";
            case "AWSEvents.PutEvents" -> "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"priming\"}]}";
            default -> "{}";
        };
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public String clientName() {
        return "InProcess";
    }
}
