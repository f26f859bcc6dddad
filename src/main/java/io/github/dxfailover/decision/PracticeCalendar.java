package io.github.dxfailover.decision;

import io.github.dxfailover.config.PracticeSettings;
import io.github.dxfailover.config.WeeklyWindow;
import io.github.dxfailover.decision.Practice.Block;
import io.github.dxfailover.decision.Practice.Blocker;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * When a practice run may be going (docs/behaviour.md §16): the whole run, from its start to its test's end plus the
 * settling, overlaps no blocked window and lies inside one allowed window, when there are any; and it starts on no
 * blocked date. Weekly windows hold their start minute, not their end; all times UTC.
 */
public final class PracticeCalendar {
    /** How far {@link #nextStart} looks: a year of change freezes is the longest an operator plans. */
    static final Duration HORIZON = Duration.ofDays(366);

    private PracticeCalendar() {
    }

    /** One week's occurrence of a window: [start, end). */
    record Occurrence(WeeklyWindow window, Instant start, Instant end) {
        boolean overlaps(Instant from, Instant to) {
            return from.isBefore(end) && start.isBefore(to);
        }

        boolean holds(Instant from, Instant to) {
            return !from.isBefore(start) && !to.isAfter(end);
        }
    }

    /** Where a run starting at {@code start} with a test of {@code minutes} ends, its settling included. */
    public static Instant runEnd(Instant start, int minutes) {
        return start.plus(Duration.ofMinutes(minutes)).plus(PracticeRecord.SETTLING);
    }

    /**
     * Every window that keeps a run starting {@code now} from going: each blocked window it overlaps; or, when allowed
     * windows are set, none long enough for it, the allowed window it would leave before its end, or (outside all of
     * them) the one it could start in next. Each blocker's detail is when the calendar lets it start instead
     * (ISO-8601), or null when nothing in a year does. Blocked dates are {@link #isBlockedDate}'s, a blocker of their own.
     */
    public static List<Blocker> blockers(PracticeSettings p, Instant now, int minutes) {
        Instant end = runEnd(now, minutes);
        List<Blocker> out = new ArrayList<>();
        List<Occurrence> met = occurrences(p.blockedWindows(), now.minus(Duration.ofDays(7)), end).stream()
                .filter(o -> o.overlaps(now, end)).toList();
        if (!met.isEmpty()) {
            String when = nextStart(p, now, minutes).map(Instant::toString).orElse(null); // once, for all of them
            met.forEach(o -> out.add(new Blocker(Block.BLOCKED_WINDOW, o.window().toString(), when)));
        }
        if (p.allowedWindows().isEmpty() || inAllowedWindow(p, now, end)) {
            return out;
        }
        long needed = Duration.between(now, end).toMinutes();
        WeeklyWindow longest = p.allowedWindows().stream().max(Comparator.comparing(WeeklyWindow::minutes))
                .orElseThrow();
        if (longest.minutes() < needed) {
            // An operator's longer run: no allowed window could ever hold it.
            out.add(new Blocker(Block.NO_ALLOWED_WINDOW_HOLDS_IT, longest.toString(), String.valueOf(needed)));
            return out;
        }
        Optional<Instant> next = nextStart(p, now, minutes);
        String when = next.map(Instant::toString).orElse(null);
        Optional<Occurrence> current = occurrences(p.allowedWindows(), now.minus(Duration.ofDays(7)), end).stream()
                .filter(o -> !now.isBefore(o.start()) && now.isBefore(o.end())).findFirst();
        if (current.isPresent()) {
            out.add(new Blocker(Block.LEAVES_ALLOWED_WINDOW, current.get().window().toString(), when));
        } else {
            String window = next.flatMap(t -> occurrences(p.allowedWindows(), t, t.plusSeconds(1)).stream()
                    .filter(o -> o.holds(t, runEnd(t, minutes))).findFirst()).map(o -> o.window().toString()).orElse(null);
            out.add(new Blocker(Block.OUTSIDE_ALLOWED_WINDOWS, window, when));
        }
        return out;
    }

    /** Whether {@code day} (UTC) is in PRACTICE_BLOCKED_DATES: no run starts on it (docs/behaviour.md §16). */
    public static boolean isBlockedDate(PracticeSettings p, LocalDate day) {
        return p.blockedDates().contains(day);
    }

    /**
     * What says a run may not be going at {@code now}, if anything: an open blocked window ({@code BLOCKED_WINDOW}, the
     * window its subject), or, when allowed windows are set, none open ({@code OUTSIDE_ALLOWED_WINDOWS}, no subject).
     */
    public static Optional<Blocker> forbidsGoingAt(PracticeSettings p, Instant now) {
        Instant next = now.plusSeconds(1);
        Optional<Blocker> blocked = occurrences(p.blockedWindows(), now.minus(Duration.ofDays(7)), next).stream()
                .filter(o -> o.overlaps(now, next)).findFirst()
                .map(o -> new Blocker(Block.BLOCKED_WINDOW, o.window().toString(), null));
        if (blocked.isPresent() || p.allowedWindows().isEmpty()) {
            return blocked;
        }
        boolean open = occurrences(p.allowedWindows(), now.minus(Duration.ofDays(7)), next).stream()
                .anyMatch(o -> o.overlaps(now, next));
        return open ? Optional.empty() : Optional.of(new Blocker(Block.OUTSIDE_ALLOWED_WINDOWS, null, null));
    }

    /**
     * The earliest time from {@code from} at which the calendar lets a run of {@code minutes} start: not on a blocked
     * date, overlapping no blocked window, inside an allowed one when there are any. Empty when none does within a
     * year. The earliest such time is {@code from} itself or where a constraint lets go: a blocked window's end, an
     * allowed window's start, a day's start; only those are tried.
     */
    public static Optional<Instant> nextStart(PracticeSettings p, Instant from, int minutes) {
        Instant until = from.plus(HORIZON);
        TreeSet<Instant> tries = new TreeSet<>();
        tries.add(from);
        occurrences(p.blockedWindows(), from, until).forEach(o -> tries.add(o.end()));
        occurrences(p.allowedWindows(), from, until).forEach(o -> tries.add(o.start()));
        if (!p.blockedDates().isEmpty()) {
            for (Instant day = from.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)); day.isBefore(until);
                 day = day.plus(Duration.ofDays(1))) {
                tries.add(day);
            }
        }
        return tries.subSet(from, true, until, false).stream().filter(t -> allows(p, t, minutes)).findFirst();
    }

    /** Whether the calendar alone lets a run of {@code minutes} start at {@code start}. */
    public static boolean allows(PracticeSettings p, Instant start, int minutes) {
        Instant end = runEnd(start, minutes);
        return !isBlockedDate(p, LocalDate.ofInstant(start, ZoneOffset.UTC))
                && occurrences(p.blockedWindows(), start.minus(Duration.ofDays(7)), end).stream()
                .noneMatch(o -> o.overlaps(start, end))
                && (p.allowedWindows().isEmpty() || inAllowedWindow(p, start, end));
    }

    private static boolean inAllowedWindow(PracticeSettings p, Instant start, Instant end) {
        return occurrences(p.allowedWindows(), start.minus(Duration.ofDays(7)), end).stream()
                .anyMatch(o -> o.holds(start, end));
    }

    /** Each window's occurrences that end after {@code from} and start before {@code to}, by start. */
    static List<Occurrence> occurrences(List<WeeklyWindow> windows, Instant from, Instant to) {
        List<Occurrence> out = new ArrayList<>();
        LocalDate monday = LocalDate.ofInstant(from, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate week = monday; !week.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(to); week = week.plusWeeks(1)) {
            for (WeeklyWindow w : windows) {
                LocalDate day = week.plusDays(w.day().getValue() - 1L);
                Occurrence o = new Occurrence(w, day.atTime(w.start()).toInstant(ZoneOffset.UTC),
                        day.atTime(w.end()).toInstant(ZoneOffset.UTC));
                if (o.end().isAfter(from) && o.start().isBefore(to)) {
                    out.add(o);
                }
            }
        }
        out.sort(Comparator.comparing(Occurrence::start));
        return out;
    }
}
