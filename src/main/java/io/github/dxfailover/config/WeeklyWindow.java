package io.github.dxfailover.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A weekly UTC window of PRACTICE_BLOCKED_WINDOWS or PRACTICE_ALLOWED_WINDOWS, in ARC zonal autoshift's form
 * {@code Day:HH:MM-Day:HH:MM} (docs/behaviour.md §5, §16): one day, from {@code start} (held) to {@code end} (not
 * held).
 */
public record WeeklyWindow(DayOfWeek day, LocalTime start, LocalTime end) {
    /** At most this many windows of each kind, as ARC takes. */
    public static final int MAX = 15;
    /** The form, with an example, for every problem's "expected". */
    public static final String FORM = "Day:HH:MM-Day:HH:MM in UTC, Mon to Sun, the same day both sides, such as "
            + "Sat:02:00-Sat:06:00";

    private static final String DAY = "(mon|tue|wed|thu|fri|sat|sun)";
    // ARC's own pattern, with the day's letter case left free (docs/behaviour.md §5).
    private static final Pattern SHAPE = Pattern.compile(DAY + ":([0-9]{2}):([0-9]{2})-" + DAY + ":([0-9]{2}):([0-9]{2})",
            Pattern.CASE_INSENSITIVE);

    /** What is wrong with one item, in words that follow "expected"; null when it is a window. */
    public static String problem(String item) {
        return read(item).problem();
    }

    /** The window an item spells, or null when it spells none ({@link #problem} says why). */
    public static WeeklyWindow orNull(String item) {
        return read(item).window();
    }

    /** One reading of an item: its window, or what is wrong with it. */
    private record Reading(WeeklyWindow window, String problem) {
    }

    private static Reading read(String item) {
        Matcher m = SHAPE.matcher(item);
        if (!m.matches()) {
            return new Reading(null, FORM);
        }
        if (!m.group(1).equalsIgnoreCase(m.group(4))) {
            return new Reading(null, "the same day both sides: a window across midnight is two, such as "
                    + "Mon:22:00-Mon:23:59,Tue:00:00-Tue:02:00 (" + FORM + ")");
        }
        int start = minutes(m.group(2), m.group(3));
        int end = minutes(m.group(5), m.group(6));
        if (start < 0 || end < 0) {
            return new Reading(null, "times from 00:00 to 23:59 (" + FORM + ")");
        }
        if (start >= end) {
            return new Reading(null, "a start before the end (" + FORM + ")");
        }
        return new Reading(new WeeklyWindow(day(m.group(1)), LocalTime.of(start / 60, start % 60),
                LocalTime.of(end / 60, end % 60)), null);
    }

    /** A valid item's window; anything else is a programming error (the configuration reads with {@link #orNull}). */
    public static WeeklyWindow parse(String item) {
        WeeklyWindow w = orNull(item);
        if (w == null) {
            throw new IllegalArgumentException("not a weekly window: '" + item + "', expected " + problem(item));
        }
        return w;
    }

    /** Minutes into the day, or -1 when the hour or minute is out of range. */
    private static int minutes(String hour, String minute) {
        int h = Integer.parseInt(hour);
        int m = Integer.parseInt(minute);
        return h > 23 || m > 59 ? -1 : h * 60 + m;
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equalsIgnoreCase(abbreviation)) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a day: " + abbreviation);
    }

    /** How long it lasts, in minutes. */
    public long minutes() {
        return Duration.between(start, end).toMinutes();
    }

    /** ARC's own spelling: "Sat:02:00-Sat:06:00". */
    @Override
    public String toString() {
        String d = day.name().charAt(0) + day.name().substring(1, 3).toLowerCase(Locale.ROOT);
        return d + ":" + start + "-" + d + ":" + end;
    }
}
