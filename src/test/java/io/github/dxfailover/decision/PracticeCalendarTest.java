package io.github.dxfailover.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.config.PracticeSettings;
import io.github.dxfailover.config.WeeklyWindow;
import io.github.dxfailover.decision.Practice.Block;
import io.github.dxfailover.decision.Practice.Blocker;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The weekly windows of docs/behaviour.md §16 as a table: a run (its test and 15 minutes of settling) overlapping a
 * blocked window, or not wholly inside one allowed window, is blocked, naming the window and when it could start.
 * 2026-12-01 is a Tuesday.
 */
class PracticeCalendarTest {
    private static final Instant TUE_0300 = Instant.parse("2026-12-01T03:00:00Z");

    private static List<WeeklyWindow> windows(String... items) {
        return Arrays.stream(items).map(WeeklyWindow::parse).toList();
    }

    private static PracticeSettings blocked(String... items) {
        return new PracticeSettings(30, List.of("apps"), List.of(), List.of(), windows(items), List.of(), 35);
    }

    private static PracticeSettings allowed(String... items) {
        return new PracticeSettings(30, List.of("apps"), List.of(), List.of(), List.of(), windows(items), 35);
    }

    private static Arguments row(String name, PracticeSettings p, String now, int minutes, Blocker... expected) {
        return Arguments.of(name, p, Instant.parse(now), minutes, List.of(expected));
    }

    private static Blocker b(Block block, String window, String instead) {
        return new Blocker(block, window, instead);
    }

    static Stream<Arguments> runs() {
        return Stream.of(
                row("no windows", blocked(), "2026-12-01T03:00:00Z", 30),
                row("blocked window overlaps the test", blocked("Tue:03:10-Tue:03:20"), "2026-12-01T03:00:00Z", 30,
                        b(Block.BLOCKED_WINDOW, "Tue:03:10-Tue:03:20", "2026-12-01T03:20:00Z")),
                row("blocked window overlaps only the settling", blocked("Tue:03:40-Tue:04:00"),
                        "2026-12-01T03:00:00Z", 30, b(Block.BLOCKED_WINDOW, "Tue:03:40-Tue:04:00", "2026-12-01T04:00:00Z")),
                row("blocked window starts as the settling ends", blocked("Tue:03:45-Tue:04:00"),
                        "2026-12-01T03:00:00Z", 30),
                row("blocked window ended as the run starts (its end minute is not held)",
                        blocked("Tue:02:00-Tue:03:00"), "2026-12-01T03:00:00Z", 30),
                row("blocked window holds the run's start", blocked("Tue:02:00-Tue:03:01"), "2026-12-01T03:00:00Z", 30,
                        b(Block.BLOCKED_WINDOW, "Tue:02:00-Tue:03:01", "2026-12-01T03:01:00Z")),
                row("a longer run of the operator's reaches the window", blocked("Tue:05:00-Tue:06:00"),
                        "2026-12-01T03:00:00Z", 120, b(Block.BLOCKED_WINDOW, "Tue:05:00-Tue:06:00", "2026-12-01T06:00:00Z")),
                row("a run across midnight meets the next day's window", blocked("Wed:00:00-Wed:01:00"),
                        "2026-12-01T23:30:00Z", 30, b(Block.BLOCKED_WINDOW, "Wed:00:00-Wed:01:00", "2026-12-02T01:00:00Z")),
                row("two blocked windows, the start after both", blocked("Tue:03:10-Tue:03:20", "Tue:03:30-Tue:04:30"),
                        "2026-12-01T03:00:00Z", 30, b(Block.BLOCKED_WINDOW, "Tue:03:10-Tue:03:20", "2026-12-01T04:30:00Z"),
                        b(Block.BLOCKED_WINDOW, "Tue:03:30-Tue:04:30", "2026-12-01T04:30:00Z")),
                row("blocked windows said in time order, however listed", blocked("Tue:03:30-Tue:04:30",
                        "Tue:03:10-Tue:03:20"), "2026-12-01T03:00:00Z", 30,
                        b(Block.BLOCKED_WINDOW, "Tue:03:10-Tue:03:20", "2026-12-01T04:30:00Z"),
                        b(Block.BLOCKED_WINDOW, "Tue:03:30-Tue:04:30", "2026-12-01T04:30:00Z")),
                row("last week's window of the same day does not count", blocked("Tue:01:00-Tue:02:00"),
                        "2026-12-01T03:00:00Z", 30),
                row("every day blocked but a minute: no start in a year", blocked("Mon:00:00-Mon:23:59",
                        "Tue:00:00-Tue:23:59", "Wed:00:00-Wed:23:59", "Thu:00:00-Thu:23:59", "Fri:00:00-Fri:23:59",
                        "Sat:00:00-Sat:23:59", "Sun:00:00-Sun:23:59"), "2026-12-01T03:00:00Z", 30,
                        b(Block.BLOCKED_WINDOW, "Tue:00:00-Tue:23:59", null)),
                row("inside an allowed window to the end", allowed("Tue:02:00-Tue:04:00"), "2026-12-01T03:00:00Z", 30),
                row("ends exactly as the allowed window does", allowed("Tue:02:00-Tue:03:45"), "2026-12-01T03:00:00Z", 30),
                row("would leave the allowed window before its end", allowed("Tue:02:00-Tue:03:44"),
                        "2026-12-01T03:00:00Z", 30,
                        b(Block.LEAVES_ALLOWED_WINDOW, "Tue:02:00-Tue:03:44", "2026-12-08T02:00:00Z")),
                row("outside every allowed window", allowed("Wed:09:00-Wed:17:00", "Fri:09:00-Fri:17:00"),
                        "2026-12-01T03:00:00Z", 30,
                        b(Block.OUTSIDE_ALLOWED_WINDOWS, "Wed:09:00-Wed:17:00", "2026-12-02T09:00:00Z")),
                row("a run never spans two allowed windows", allowed("Tue:22:00-Tue:23:59", "Wed:00:00-Wed:02:00"),
                        "2026-12-01T23:30:00Z", 30,
                        b(Block.LEAVES_ALLOWED_WINDOW, "Tue:22:00-Tue:23:59", "2026-12-02T00:00:00Z")),
                row("no allowed window holds a run this long", allowed("Tue:02:00-Tue:04:00", "Sat:01:00-Sat:02:00"),
                        "2026-12-01T02:00:00Z", 120, b(Block.NO_ALLOWED_WINDOW_HOLDS_IT, "Tue:02:00-Tue:04:00", "135")),
                // An operator's hour (75 minutes with settling): at 08:00 Wednesday the short window is open too, but
                // only the long one holds the run.
                row("the window named is the one that holds the run", allowed("Wed:07:30-Wed:08:20",
                        "Wed:08:00-Wed:17:00"), "2026-12-01T03:00:00Z", 60,
                        b(Block.OUTSIDE_ALLOWED_WINDOWS, "Wed:08:00-Wed:17:00", "2026-12-02T08:00:00Z")),
                row("a window exactly as long as the run holds it, next time", allowed("Wed:02:00-Wed:04:15"),
                        "2026-12-01T02:00:00Z", 120,
                        b(Block.OUTSIDE_ALLOWED_WINDOWS, "Wed:02:00-Wed:04:15", "2026-12-02T02:00:00Z")),
                row("the longest allowed window just holds it", allowed("Tue:02:00-Tue:04:15"), "2026-12-01T02:00:00Z",
                        120));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void aRunIsBlockedByTheWindowsItWouldMeet(String name, PracticeSettings p, Instant now, int minutes,
                                             List<Blocker> expected) {
        assertThat(PracticeCalendar.blockers(p, now, minutes)).containsExactlyElementsOf(expected);
        assertThat(PracticeCalendar.allows(p, now, minutes)).isEqualTo(expected.isEmpty());
    }

    @Test
    void theNextStartAlsoSkipsBlockedDates() {
        PracticeSettings p = new PracticeSettings(30, List.of("apps"), List.of(),
                List.of(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02")), windows("Thu:00:00-Thu:08:00"),
                List.of(), 35);
        assertThat(PracticeCalendar.nextStart(p, TUE_0300, 30)).contains(Instant.parse("2026-12-03T08:00:00Z"));
        assertThat(PracticeCalendar.nextStart(PracticeSettings.DEFAULT, TUE_0300, 30)).contains(TUE_0300);
        // A start on the last minute before a blocked date is a start on an allowed date, whatever its run's end.
        assertThat(PracticeCalendar.nextStart(p, Instant.parse("2026-11-30T23:50:00Z"), 30))
                .contains(Instant.parse("2026-11-30T23:50:00Z"));
    }

    @Test
    void onABlockedDateTheNextStartIsTheNextDayThatIsNot() {
        PracticeSettings p = new PracticeSettings(30, List.of("apps"), List.of(),
                List.of(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02")), List.of(), List.of(), 35);
        assertThat(PracticeCalendar.nextStart(p, TUE_0300, 30)).contains(Instant.parse("2026-12-03T00:00:00Z"));
        assertThat(PracticeCalendar.allows(p, TUE_0300, 30)).isFalse();
        assertThat(PracticeCalendar.isBlockedDate(p, LocalDate.parse("2026-12-03"))).isFalse();
    }

    @Test
    void theRunEndsAfterItsTestAndFifteenMinutesOfSettling() {
        assertThat(PracticeCalendar.runEnd(TUE_0300, 30)).isEqualTo(Instant.parse("2026-12-01T03:45:00Z"));
    }
}
