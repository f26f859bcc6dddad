package io.github.dxfailover.aws;

import io.github.dxfailover.port.Notification;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.decision.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SNS subject rules of docs/behaviour.md §7 against hostile alarm names. */
public class SnsSubjectTest {

    /** What SNS documents: ASCII, under 100 characters, no line breaks or control characters, starts visibly. */
    public static void assertAcceptableSubject(String subject) {
        assertThat(subject.length()).isBetween(1, 99);
        assertThat(subject.chars()).allMatch(c -> c >= 0x20 && c < 0x7F);
        assertThat(subject.charAt(0)).isNotEqualTo(' ');
    }

    /**
     * The form for a phone (docs/behaviour.md §7; issue 32): the subject starts with the outcome, the body's first line
     * and every other line are at most 100 characters. Every notification the service tests produce is held to it.
     */
    public static void assertPhoneForm(String subject, String body, String outcome) {
        assertAcceptableSubject(subject);
        assertThat(subject).as("the subject starts with the outcome").startsWith(outcome);
        assertThat(body.lines()).as("no line of the body over 100 characters:%n%s", body)
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(body.lines().findFirst().orElse("")).startsWith(outcome + ":");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dxvif-aaaa1111 packet loss\r\nBcc: everyone@example.com",
        "\t\u0000\u0007dxvif-aaaa1111\u001b[31m red",
        "dxvif-aaaa1111 Paketverlust über 5 % — 東京 🚨",
        "  ",
        "",
        "\u2028\u2029\u0085"})
    void subjectIsAlwaysAcceptableToSns(String name) {
        assertAcceptableSubject(new Notification("FAILED_OVER - " + name, "", Outcome.FAILED_OVER, null).subject());
        assertAcceptableSubject(new Notification(name, "", Outcome.REJECTED, null).subject());
    }

    @ParameterizedTest
    @ValueSource(ints = {98, 99, 100, 255, 300})
    void longNamesAreCutBelowOneHundred(int length) {
        String subject = new Notification("x".repeat(length), "", Outcome.REJECTED, null).subject();
        assertAcceptableSubject(subject);
        if (length > 99) {
            assertThat(subject).endsWith("...");
        } else {
            assertThat(subject).isEqualTo("x".repeat(length));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\r\n\r\nb", "a \t b"})
    void lineBreaksBecomeOneSpace(String name) {
        assertThat(Notification.safeSubject(name)).isEqualTo("a b");
    }
}
