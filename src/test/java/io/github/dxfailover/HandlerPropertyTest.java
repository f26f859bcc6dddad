package io.github.dxfailover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.dxfailover.aws.AwsClients;
import io.github.dxfailover.decision.Outcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeTry;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.StopBgpFailoverTestRequest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.support.SupportClient;
import software.amazon.awssdk.services.support.model.CreateCaseRequest;

/**
 * Arbitrary payloads never crash the handler and never change AWS (docs/behaviour.md §2): JSON objects near the
 * real shapes, other JSON values, samples cut or changed by one character, and any text at all, each sent as
 * Lambda sends it, through the handler's stream. The listed VIFs are all healthy, so only an input that named
 * one of them could fail over; the generators name VIFs that look real but are not listed.
 */
class HandlerPropertyTest {
    private static final List<String> KEYS = List.of("action", "source", "detail-type", "detail", "alarmData",
            "alarmName", "state", "value", "reason", "timestamp", "virtualInterfaceId", "minutes", "configuration",
            "metrics", "metricStat", "metric", "dimensions", "VirtualInterfaceId", "region", "account", "x");
    private static final List<String> WORDS = List.of("aws.cloudwatch", "CloudWatch Alarm State Change", "ALARM", "OK",
            "INSUFFICIENT_DATA", "status", "failover", "restore", "dxvif-zzzz0001", "dxvif-zzzz0001 loss",
            "DXVIF-AAAA1111", "dxvif-", "", " ", "\n", "\u0000");

    private DirectConnectClient dx;
    private SnsClient sns;
    private SupportClient support;
    private DxFailoverHandler handler;

    @BeforeTry
    void freshHandler() {
        sns = mock(SnsClient.class);
        dx = Fixtures.threeHealthyVifs(sns);
        support = mock(SupportClient.class);
        handler = new DxFailoverHandler(Fixtures.env(), new AwsClients(dx, sns, support, Fixtures.noAlarms(), Fixtures.noEvents()), Clock.systemUTC());
    }

    @Property(tries = 1000)
    void arbitraryInputNeverThrowsAndNeverChangesAws(@ForAll("inputs") Object input) {
        Map<String, Object> result = Fixtures.invoke(handler, Fixtures.json(input));

        assertThat(Outcome.valueOf((String) result.get("outcome"))).isIn(Outcome.REJECTED, Outcome.IGNORED,
                Outcome.NOT_MANAGED, Outcome.STATUS);
        assertThat(result.get("message")).asString().isNotBlank();
        nothingChanged();
    }

    @Property(tries = 300)
    void aSampleCutOrChangedNeverThrowsAndNeverChangesAws(@ForAll("changedSamples") String payload) {
        Map<String, Object> result = Fixtures.invoke(handler, payload);

        assertThat(Outcome.valueOf((String) result.get("outcome"))).isIn(Outcome.REJECTED, Outcome.IGNORED,
                Outcome.NOT_MANAGED, Outcome.STATUS);
        nothingChanged();
    }

    @Property(tries = 300)
    void anyTextIsRejectedAndChangesNothing(@ForAll String payload) {
        Map<String, Object> result = Fixtures.invoke(handler, payload);

        assertThat(result.get("outcome")).isEqualTo(Outcome.REJECTED.name());
        assertThat(result.get("message")).asString().startsWith("expected ");
        nothingChanged();
    }

    private void nothingChanged() {
        verify(dx, never()).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
        verify(dx, never()).stopBgpFailoverTest(any(StopBgpFailoverTestRequest.class));
        verify(support, never()).createCase(any(CreateCaseRequest.class));
    }

    @Provide
    Arbitrary<Object> inputs() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, map(3).map(Object.class::cast)),
                Tuple.of(3, nearlyValid().map(Object.class::cast)),
                Tuple.of(1, value(2)));
    }

    /** The real shapes as JSON text with one character removed, replaced or added. */
    @Provide
    Arbitrary<String> changedSamples() {
        Arbitrary<String> samples = Arbitraries.of(templates()).map(Fixtures::json);
        Arbitrary<Character> characters = Arbitraries.of('{', '}', '[', ']', '"', ':', ',', '\\', ' ', '0', 'x');
        return Combinators.combine(samples, Arbitraries.doubles().between(0, 1), characters, Arbitraries.integers().between(0, 2))
                .as((json, where, c, how) -> {
                    int at = (int) (where * (json.length() - 1));
                    return switch (how) {
                        case 0 -> json.substring(0, at) + json.substring(at + 1);
                        case 1 -> json.substring(0, at) + c + json.substring(at + 1);
                        default -> json.substring(0, at) + c + json.substring(at);
                    };
                });
    }

    private static List<Map<String, Object>> templates() {
        return List.of(
                Fixtures.eventBridgeAlarm("dxvif-zzzz0001 loss", "ALARM"),
                Fixtures.eventBridgeAlarm("loss", "ALARM", "dxvif-zzzz0001"),
                Fixtures.alarmAction("dxvif-zzzz0001 loss", "ALARM"),
                Fixtures.command("action", "failover", "virtualInterfaceId", "dxvif-zzzz0001", "minutes", 60),
                Fixtures.command("action", "restore", "virtualInterfaceId", "dxvif-zzzz0001"),
                Fixtures.command("action", "status"));
    }

    /** Real shapes with one field replaced by something arbitrary. */
    private Arbitrary<Map<String, Object>> nearlyValid() {
        Arbitrary<Map<String, Object>> templates = Arbitraries.of(templates());
        return Combinators.combine(templates, Arbitraries.of(KEYS), value(2), Arbitraries.of(true, false))
                .as((template, key, value, nested) -> {
                    Map<String, Object> copy = deepCopy(template);
                    Object target = nested && copy.get("detail") instanceof Map<?, ?> d ? d : copy;
                    @SuppressWarnings("unchecked")
                    Map<String, Object> into = (Map<String, Object>) target;
                    into.put(key, value);
                    return copy;
                });
    }

    private Arbitrary<Map<String, Object>> map(int depth) {
        Arbitrary<String> keys = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(KEYS)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(8)));
        return Arbitraries.maps(keys, value(depth)).ofMaxSize(6).map(HashMap::new);
    }

    private Arbitrary<Object> value(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.of(WORDS).map(Object.class::cast),
                Arbitraries.strings().ofMaxLength(300).map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(null));
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaf),
                Tuple.of(1, Arbitraries.lazy(() -> map(depth - 1)).map(Object.class::cast)),
                Tuple.of(1, Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(3).map(l -> (Object) new ArrayList<>(l))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new HashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }
}
