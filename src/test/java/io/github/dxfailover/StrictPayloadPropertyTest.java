package io.github.dxfailover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.dxfailover.aws.AwsClients;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeTry;
import software.amazon.awssdk.services.directconnect.DirectConnectClient;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.StopBgpFailoverTestRequest;
import software.amazon.awssdk.services.directconnect.model.TagResourceRequest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.support.SupportClient;
import software.amazon.awssdk.services.support.model.CreateCaseRequest;

/**
 * Strict input as a property (docs/behaviour.md §2; issue 35): every payload here is a real one that would act — an
 * alarm on a listed, healthy VIF, a failover command, a Health notice — broken in one of the ways the contract
 * refuses (a key twice, a comment, content after the value, bytes that are not UTF-8, over 256 KB, a field a command
 * does not take, an alarm name over 255 characters, a date that does not exist). Each gets a REJECTED result, never an
 * exception, and no AWS change: read leniently, each would have failed a VIF over or written a record.
 */
class StrictPayloadPropertyTest {
    private DirectConnectClient dx;
    private SupportClient support;
    private DxFailoverHandler handler;

    @BeforeTry
    void freshHandler() {
        SnsClient sns = mock(SnsClient.class);
        dx = Fixtures.threeHealthyVifs(sns);
        support = mock(SupportClient.class);
        when(dx.startBgpFailoverTest(any(StartBgpFailoverTestRequest.class))).thenReturn(
                software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestResponse.builder()
                        .virtualInterfaceTest(software.amazon.awssdk.services.directconnect.model
                                .VirtualInterfaceTestHistory.builder().testId("t-1").virtualInterfaceId(Fixtures.VIF_A)
                                .build()).build());
        handler = new DxFailoverHandler(Fixtures.env(), new AwsClients(dx, sns, support, Fixtures.noAlarms(), Fixtures.noEvents()),
                Clock.systemUTC());
    }

    /** A payload that acts when read as it is, and how it was broken. */
    record Broken(String how, byte[] payload) {
        @Override
        public String toString() {
            return how + ": " + new String(payload, 0, Math.min(payload.length, 120), StandardCharsets.UTF_8);
        }
    }

    private static String alarm() {
        return Fixtures.json(Fixtures.eventBridgeAlarm(Fixtures.VIF_A + " packet loss", "ALARM"));
    }

    private static String command() {
        return "{\"action\": \"failover\", \"virtualInterfaceId\": \"" + Fixtures.VIF_A + "\", \"minutes\": 60}";
    }

    private static List<String> actingPayloads() {
        return List.of(alarm(), command(), Fixtures.json(Fixtures.alarmAction(Fixtures.VIF_A + " loss", "ALARM")));
    }

    @Provide
    Arbitrary<Broken> broken() {
        Arbitrary<String> payloads = Arbitraries.of(actingPayloads());
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<String> junk = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(12);
        List<Arbitrary<Broken>> ways = new ArrayList<>();
        ways.add(payloads.map(p -> {
            // The payload's first key again, with another value, before it: the last key used to win.
            String key = p.substring(1, p.indexOf(':') + 1);
            return text("a key twice", "{" + key + " null, " + p.substring(1));
        }));
        ways.add(Combinators.combine(payloads, where, Arbitraries.of("/* c */", "// c\n", "# c\n"))
                .as((p, w, comment) -> text("a comment", insertAtComma(p, w, comment))));
        ways.add(Combinators.combine(payloads, junk).as((p, j) -> text("content after the value", p + " " + j)));
        ways.add(Combinators.combine(payloads, where, Arbitraries.of(
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}))
                .as((p, w, bad) -> new Broken("bytes that are not UTF-8", insertInString(p, w, bad))));
        ways.add(Combinators.combine(payloads, Arbitraries.integers().between(1, 40_000)).as((p, extra) ->
                text("over 256 KB", p.substring(0, p.length() - 1) + ", \"pad\": \""
                        + "p".repeat(256 * 1024 - p.length() + extra) + "\"}")));
        ways.add(Arbitraries.of("\"dryRun\": true", "\"minute\": 5", "\"DryRun\": \"true\"", "\"force\": false")
                .map(field -> text("a field the command does not take", command().replace("}", ", " + field + "}"))));
        ways.add(Arbitraries.integers().between(256, 5_000).map(n -> text("an alarm name over 255 characters",
                alarm().replace(Fixtures.VIF_A + " packet loss", Fixtures.VIF_A + " " + "x".repeat(n - 15)))));
        return Arbitraries.oneOf(ways);
    }

    private static Broken text(String how, String payload) {
        return new Broken(how, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The text inserted after one of the payload's commas (between two members): where a comment could stand. */
    private static String insertAtComma(String p, double where, String insert) {
        List<Integer> commas = new ArrayList<>();
        for (int i = 0; i < p.length(); i++) {
            if (p.charAt(i) == ',') {
                commas.add(i);
            }
        }
        int at = commas.get((int) (where * (commas.size() - 1))) + 1;
        return p.substring(0, at) + insert + p.substring(at);
    }

    /** The bytes put inside the payload's first string value (its first key's value): read as text, it would act. */
    private static byte[] insertInString(String p, double where, byte[] bad) {
        byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
        int quote = p.indexOf("\": \"") + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, quote);
        out.writeBytes(bad);
        out.write(bytes, quote, bytes.length - quote);
        return out.toByteArray();
    }

    @Property(tries = 600)
    void everyBrokenPayloadIsRejectedWithAResultAndChangesNothing(@ForAll("broken") Broken broken) {
        Statistics.collect(broken.how());
        Map<String, Object> answer = Fixtures.read(new String(handler.answer(broken.payload(), null),
                StandardCharsets.UTF_8));

        assertThat(answer.get("outcome")).as(broken.toString()).isEqualTo("REJECTED");
        assertThat(answer.get("message")).asString().isNotBlank().hasSizeLessThan(1000);
        verify(dx, never()).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
        verify(dx, never()).stopBgpFailoverTest(any(StopBgpFailoverTestRequest.class));
        verify(dx, never()).tagResource(any(TagResourceRequest.class));
        verify(support, never()).createCase(any(CreateCaseRequest.class));
    }

    /**
     * Issue 35, finding 1: a payload of 1,024 keys whose 32 characters are made of "Aa" and "BB" (one String hash for
     * all), and one of over 6,000 distinct keys, must not fill a parser table that outlives the invocation: a valid
     * alarm sent next to the same handler still fails its VIF over.
     */
    @net.jqwik.api.Example
    void craftedKeysCostTheirOwnInvocationOnly() {
        StringBuilder colliding = new StringBuilder("{");
        for (int i = 0; i < 1024; i++) {
            StringBuilder key = new StringBuilder();
            for (int bit = 15; bit >= 0; bit--) {
                key.append(((i >> bit) & 1) == 0 ? "Aa" : "BB");
            }
            colliding.append(i == 0 ? "" : ", ").append('"').append(key).append("\": ").append(i);
        }
        colliding.append('}');
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 6_500; i++) {
            many.append(i == 0 ? "" : ", ").append("\"key-").append(i).append("\": 0");
        }
        many.append('}');
        for (String hostile : List.of(colliding.toString(), many.toString())) {
            Map<String, Object> answer = Fixtures.read(new String(handler.answer(
                    hostile.getBytes(StandardCharsets.UTF_8), null), StandardCharsets.UTF_8));
            assertThat(answer.get("outcome")).isEqualTo("REJECTED");
        }
        Map<String, Object> next = Fixtures.read(new String(handler.answer(alarm().getBytes(StandardCharsets.UTF_8),
                null), StandardCharsets.UTF_8));
        assertThat(next.get("outcome")).isEqualTo("FAILED_OVER");
        verify(dx).startBgpFailoverTest(any(StartBgpFailoverTestRequest.class));
    }

    /** The same payloads unbroken do act: the property above is about the breaking, not about payloads that never act. */
    @Property(tries = 3)
    void theUnbrokenPayloadsAct(@ForAll("unbroken") String payload) {
        Map<String, Object> answer = Fixtures.read(new String(handler.answer(
                payload.getBytes(StandardCharsets.UTF_8), null), StandardCharsets.UTF_8));
        assertThat(answer.get("outcome")).isEqualTo("FAILED_OVER");
    }

    @Provide
    Arbitrary<String> unbroken() {
        return Arbitraries.of(actingPayloads());
    }
}
