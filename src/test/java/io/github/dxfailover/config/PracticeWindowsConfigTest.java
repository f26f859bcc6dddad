package io.github.dxfailover.config;

import static io.github.dxfailover.Fixtures.env;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PRACTICE_BLOCKED_WINDOWS and PRACTICE_ALLOWED_WINDOWS (docs/behaviour.md §5): ARC zonal autoshift's form, the
 * spellings its own guide shows and its API refuses, and the limits, each with the accept or the exact problem.
 */
class PracticeWindowsConfigTest {
    private static final String FORM = "Day:HH:MM-Day:HH:MM in UTC, Mon to Sun, the same day both sides, such as "
            + "Sat:02:00-Sat:06:00";
    private static final String BLOCKED = "PRACTICE_BLOCKED_WINDOWS";
    private static final String ALLOWED = "PRACTICE_ALLOWED_WINDOWS";

    private static String daily(int count) {
        List<String> days = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
        return IntStream.range(0, count).mapToObj(i -> days.get(i % 7) + ":0" + (i / 7) + ":00-" + days.get(i % 7)
                + ":0" + (i / 7) + ":50").collect(Collectors.joining(","));
    }

    private static Arguments accepted(String variable, String value, String... windows) {
        return Arguments.of(variable, value, List.of(windows), null);
    }

    private static Arguments refused(String variable, String value, String problem) {
        return Arguments.of(variable, value, null, problem);
    }

    private static String item(String variable, String value, String item, String expected) {
        return variable + "='" + value + "': item '" + item + "' is not a weekly window: expected " + expected;
    }

    static Stream<Arguments> windows() {
        String sixteen = daily(16);
        return Stream.of(
                accepted(BLOCKED, "Mon:09:00-Mon:17:00", "Mon:09:00-Mon:17:00"),
                accepted(ALLOWED, "Mon:09:00-Mon:17:00", "Mon:09:00-Mon:17:00"),
                accepted(BLOCKED, "mon:09:00-MON:17:00", "Mon:09:00-Mon:17:00"),
                // The guide's capitals (its blockedWindows example): ARC's API refuses them, this function reads them.
                accepted(BLOCKED, "MON:18:30-MON:19:30", "Mon:18:30-Mon:19:30"),
                accepted(BLOCKED, " Sat:02:00-Sat:06:00 , Sun:00:00-Sun:23:59", "Sat:02:00-Sat:06:00",
                        "Sun:00:00-Sun:23:59"),
                accepted(BLOCKED, "Mon:09:00-Mon:17:00,mon:09:00-mon:17:00", "Mon:09:00-Mon:17:00"),
                accepted(BLOCKED, "", new String[0]),
                accepted(BLOCKED, daily(15), daily(15).split(",")),
                accepted(ALLOWED, "Tue:09:00-Tue:09:45", "Tue:09:00-Tue:09:45"),
                accepted(BLOCKED, "Sun:23:00-Sun:23:59,Mon:00:59-Mon:01:00", "Sun:23:00-Sun:23:59", "Mon:00:59-Mon:01:00"),
                refused(BLOCKED, "Mon:09:00-Mon:00:00", item(BLOCKED, "Mon:09:00-Mon:00:00", "Mon:09:00-Mon:00:00",
                        "a start before the end (" + FORM + ")")),
                refused(BLOCKED, "Mon:09:30-Mon:09:20", item(BLOCKED, "Mon:09:30-Mon:09:20", "Mon:09:30-Mon:09:20",
                        "a start before the end (" + FORM + ")")),
                // The guide's allowedWindows example, a dash after the day.
                refused(BLOCKED, "Wed-12:00-Wed:17:00", item(BLOCKED, "Wed-12:00-Wed:17:00", "Wed-12:00-Wed:17:00", FORM)),
                // The guide's separator: spaces, where this function (like every list of §5) takes commas.
                refused(BLOCKED, "MON:18:30-MON:19:30 TUE:18:30-TUE:19:30", item(BLOCKED,
                        "MON:18:30-MON:19:30 TUE:18:30-TUE:19:30", "MON:18:30-MON:19:30 TUE:18:30-TUE:19:30", FORM)),
                refused(BLOCKED, "Monday:09:00-Monday:17:00", item(BLOCKED, "Monday:09:00-Monday:17:00",
                        "Monday:09:00-Monday:17:00", FORM)),
                refused(BLOCKED, "Mon:9:00-Mon:17:00", item(BLOCKED, "Mon:9:00-Mon:17:00", "Mon:9:00-Mon:17:00", FORM)),
                refused(BLOCKED, "Mon 09:00-Mon 17:00", item(BLOCKED, "Mon 09:00-Mon 17:00", "Mon 09:00-Mon 17:00", FORM)),
                refused(BLOCKED, "Mon:09:00\u2013Mon:17:00", item(BLOCKED, "Mon:09:00\u2013Mon:17:00",
                        "Mon:09:00\u2013Mon:17:00", FORM)),
                refused(BLOCKED, "Mon:22:00-Tue:02:00", item(BLOCKED, "Mon:22:00-Tue:02:00", "Mon:22:00-Tue:02:00",
                        "the same day both sides: a window across midnight is two, such as Mon:22:00-Mon:23:59,"
                                + "Tue:00:00-Tue:02:00 (" + FORM + ")")),
                refused(ALLOWED, "Mon:17:00-Mon:09:00", item(ALLOWED, "Mon:17:00-Mon:09:00", "Mon:17:00-Mon:09:00",
                        "a start before the end (" + FORM + ")")),
                refused(BLOCKED, "Mon:09:00-Mon:09:00", item(BLOCKED, "Mon:09:00-Mon:09:00", "Mon:09:00-Mon:09:00",
                        "a start before the end (" + FORM + ")")),
                refused(BLOCKED, "Mon:09:00-Mon:24:00", item(BLOCKED, "Mon:09:00-Mon:24:00", "Mon:09:00-Mon:24:00",
                        "times from 00:00 to 23:59 (" + FORM + ")")),
                refused(BLOCKED, "Mon:09:60-Mon:10:00", item(BLOCKED, "Mon:09:60-Mon:10:00", "Mon:09:60-Mon:10:00",
                        "times from 00:00 to 23:59 (" + FORM + ")")),
                refused(BLOCKED, "Mon:09:00-Mon:17:00,", item(BLOCKED, "Mon:09:00-Mon:17:00,", "", FORM)),
                refused(BLOCKED, sixteen, BLOCKED + "='" + sixteen + "': expected at most 15 windows (found 16), each "
                        + FORM),
                refused(ALLOWED, "Tue:09:00-Tue:09:44", ALLOWED + "='Tue:09:00-Tue:09:44': window Tue:09:00-Tue:09:44 is "
                        + "44 minutes: expected at least PRACTICE_MINUTES + 15 = 45 minutes, so that a run and its "
                        + "settling fit in it"));
    }

    @ParameterizedTest(name = "{0}=''{1}''")
    @MethodSource("windows")
    void eachValueIsReadOrRefusedWithTheForm(String variable, String value, List<String> windows, String problem)
            throws Exception {
        Map<String, String> env = env();
        env.put("PRACTICE_OUTCOME_ALARMS", "apps-5xx");
        env.put(variable, value);
        if (problem == null) {
            PracticeSettings p = FailoverConfig.fromEnvironment(env).practice();
            List<WeeklyWindow> read = variable.equals(BLOCKED) ? p.blockedWindows() : p.allowedWindows();
            assertThat(read).extracting(WeeklyWindow::toString).containsExactlyElementsOf(windows);
        } else {
            InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                    () -> FailoverConfig.fromEnvironment(env));
            assertThat(e).as("expected %s='%s' to be refused", variable, value).isNotNull();
            assertThat(e.problems()).containsExactly(problem);
        }
    }

    @ParameterizedTest(name = "both set")
    @MethodSource("bothSet")
    void blockedAndAllowedWindowsAreNotSetTogether(Map<String, String> more) {
        Map<String, String> env = env();
        env.putAll(more);
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> FailoverConfig.fromEnvironment(env));
        assertThat(e.problems()).containsExactly("PRACTICE_BLOCKED_WINDOWS and PRACTICE_ALLOWED_WINDOWS are both set "
                + "(PRACTICE_BLOCKED_WINDOWS='Sat:02:00-Sat:06:00', PRACTICE_ALLOWED_WINDOWS='Tue:09:00-Tue:17:00'): "
                + "expected at most one of them (runs only inside the allowed windows, or anywhere outside the blocked "
                + "ones)");
    }

    static Stream<Map<String, String>> bothSet() {
        return Stream.of(Map.of(BLOCKED, "Sat:02:00-Sat:06:00", ALLOWED, "Tue:09:00-Tue:17:00"));
    }

    @ParameterizedTest(name = "PRACTICE_MINUTES={0}")
    @org.junit.jupiter.params.provider.CsvSource({"30, 45, true", "30, 44, false", "60, 75, true", "60, 74, false"})
    void anAllowedWindowHoldsARunAndItsSettling(int minutes, int windowMinutes, boolean fits) throws Exception {
        Map<String, String> env = env();
        env.put("PRACTICE_MINUTES", String.valueOf(minutes));
        String window = "Tue:09:00-Tue:" + String.format("%02d:%02d", 9 + windowMinutes / 60, windowMinutes % 60);
        env.put(ALLOWED, window);
        if (fits) {
            assertThat(FailoverConfig.fromEnvironment(env).practice().allowedWindows()).hasSize(1);
        } else {
            assertThat(catchThrowableOfType(InvalidConfigException.class, () -> FailoverConfig.fromEnvironment(env))
                    .problems()).singleElement().asString().contains("expected at least PRACTICE_MINUTES + 15 = "
                    + (minutes + 15) + " minutes");
        }
    }
}
