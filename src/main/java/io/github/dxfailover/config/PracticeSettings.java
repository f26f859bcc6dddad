package io.github.dxfailover.config;

import java.time.LocalDate;
import java.util.List;

/**
 * The settings of practice runs (docs/behaviour.md §5, §16).
 *
 * @param minutes        how long a practice run's test lasts
 * @param outcomeAlarms  alarms that end a practice run as failed ("the applications are hurting")
 * @param blockingAlarms alarms that keep practice runs from starting or continuing
 * @param blockedDates   UTC dates with no practice run (change freezes)
 * @param blockedWindows weekly UTC windows in which no practice run may be going
 * @param allowedWindows weekly UTC windows outside which no practice run may be going (none: anywhere)
 * @param maxAgeDays     a VIF is proven when a practice run on it succeeded within this many days
 */
public record PracticeSettings(int minutes, List<String> outcomeAlarms, List<String> blockingAlarms,
                               List<LocalDate> blockedDates, List<WeeklyWindow> blockedWindows,
                               List<WeeklyWindow> allowedWindows, int maxAgeDays) {
    public static final int MIN_MINUTES = 15;
    public static final int MAX_MINUTES = 240;
    /** After a run, the minutes in which its VIF's alarms are presumed to be its doing (docs/behaviour.md §16). */
    public static final int SETTLING_MINUTES = 15;
    public static final PracticeSettings DEFAULT = new PracticeSettings(30, List.of(), List.of(), List.of(), List.of(),
            List.of(), 35);

    public PracticeSettings {
        outcomeAlarms = List.copyOf(outcomeAlarms);
        blockingAlarms = List.copyOf(blockingAlarms);
        blockedDates = List.copyOf(blockedDates);
        blockedWindows = List.copyOf(blockedWindows);
        allowedWindows = List.copyOf(allowedWindows);
    }

    /** An outcome or blocking alarm: a watch of practice runs, which never names a VIF (§16). */
    public boolean watches(String alarmName) {
        return outcomeAlarms.contains(alarmName) || blockingAlarms.contains(alarmName);
    }

    /** Every watch alarm, outcome alarms first. */
    public List<String> watchAlarms() {
        return java.util.stream.Stream.concat(outcomeAlarms.stream(), blockingAlarms.stream()).distinct().toList();
    }
}
