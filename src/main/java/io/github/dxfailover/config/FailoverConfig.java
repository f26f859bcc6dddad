package io.github.dxfailover.config;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The function's settings (docs/behaviour.md §5), read from environment variables once per container.
 *
 * @param managed             which VIFs this function manages: VIFLIST's, or VIFGROUP's by their tag (§18); the
 *                            VIFs themselves are read in each invocation
 * @param minVifs             healthy VIFs that must remain
 * @param snsTopicArn         where notifications go
 * @param failoverMinutes     how long the BGP failover test lasts
 * @param ccEmails            CC on the support case
 * @param supportCase         whether a failover opens a support case
 * @param supportSeverity     severity code of the case
 * @param dryRun              decide and notify, change nothing
 * @param supportServiceCode  service code of the case
 * @param supportCategoryCode category code of the case
 * @param maxUtilization      highest projected utilization, percent, of the VIFs that remain (0 = not checked)
 * @param practice            the practice-run settings (docs/behaviour.md §16)
 * @param eventBus            the EventBridge bus (name or ARN) that gets one event per notified invocation, or null
 *                            for none (docs/behaviour.md §20)
 */
public record FailoverConfig(
        ManagedVifs managed,
        int minVifs,
        String snsTopicArn,
        int failoverMinutes,
        List<String> ccEmails,
        boolean supportCase,
        String supportSeverity,
        boolean dryRun,
        String supportServiceCode,
        String supportCategoryCode,
        int maxUtilization,
        PracticeSettings practice,
        String eventBus) {

    public static final int MIN_TEST_MINUTES = 1;
    /** StartBgpFailoverTest accepts at most 4320 minutes (three days). */
    public static final int MAX_TEST_MINUTES = 4320;

    static final Pattern SNS_TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");
    private static final Set<String> SEVERITIES = Set.of("low", "normal", "high", "urgent", "critical");
    private static final int MAX_CC = 10;
    /** PutEvents' EventBusName: a bus name, or a bus's ARN (docs/behaviour.md §5, §20). */
    static final Pattern EVENT_BUS = Pattern.compile("[A-Za-z0-9._/-]{1,256}|arn:aws[a-z-]*:events:[a-z0-9-]+:\\d{12}:event-bus/[A-Za-z0-9._/-]{1,256}");

    public FailoverConfig {
        ccEmails = List.copyOf(ccEmails);
    }

    /** The capacity guard of docs/behaviour.md §15 is on: MAX_UTILIZATION above 0. */
    public boolean capacityChecked() {
        return maxUtilization > 0;
    }

    /**
     * Reads and checks every variable, collecting all problems before giving up, so that one
     * deployment fixes them all.
     */
    public static FailoverConfig fromEnvironment(Map<String, String> env) throws InvalidConfigException {
        Reader r = new Reader(env);
        FailoverConfig config = readAll(r);
        if (config == null) {
            throw new InvalidConfigException(r.problems, r.validSnsArn);
        }
        return config;
    }

    /**
     * The names of the variables the function reads, given these values (VIFLIST or VIFGROUP decide some): what
     * {@code local/try-locally} compares its {@code --env} names with.
     */
    public static java.util.Set<String> variablesRead(Map<String, String> env) {
        Reader r = new Reader(env);
        readAll(r);
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(r.asked));
    }

    /** Every variable read and checked; null when any is a problem (the reader holds them). */
    private static FailoverConfig readAll(Reader r) {
        Integer minVifs = r.integer("MINVIFS", null, 1, Integer.MAX_VALUE, "an integer >= 1");
        ManagedVifs managed = r.managedVifs(minVifs);
        String snsArn = r.snsTopicArn();
        Integer failover = r.integer("FAILOVER", 180, MIN_TEST_MINUTES, MAX_TEST_MINUTES,
                "an integer from " + MIN_TEST_MINUTES + " to " + MAX_TEST_MINUTES + " (minutes)");
        List<String> cc = r.emails();
        Boolean supportCase = r.bool("SUPPORT_CASE", true);
        String severity = r.oneOf("SUPPORT_SEVERITY", "urgent", SEVERITIES);
        Boolean dryRun = r.bool("DRY_RUN", false);
        String serviceCode = r.nonEmpty("SUPPORT_SERVICE_CODE", "aws-direct-connect");
        String categoryCode = r.nonEmpty("SUPPORT_CATEGORY_CODE", "connection-issue");
        Integer maxUtilization = r.integer("MAX_UTILIZATION", 80, 0, 100,
                "an integer from 0 to 100 (percent; 0 = capacity not checked)");
        Integer practiceMinutes = r.integer("PRACTICE_MINUTES", PracticeSettings.DEFAULT.minutes(),
                PracticeSettings.MIN_MINUTES, PracticeSettings.MAX_MINUTES,
                "an integer from " + PracticeSettings.MIN_MINUTES + " to " + PracticeSettings.MAX_MINUTES + " (minutes)");
        List<String> outcomeAlarms = r.alarmNames("PRACTICE_OUTCOME_ALARMS");
        List<String> blockingAlarms = r.alarmNames("PRACTICE_BLOCKING_ALARMS");
        List<LocalDate> blockedDates = r.dates("PRACTICE_BLOCKED_DATES");
        List<WeeklyWindow> blockedWindows = r.windows("PRACTICE_BLOCKED_WINDOWS");
        List<WeeklyWindow> allowedWindows = r.windows("PRACTICE_ALLOWED_WINDOWS");
        r.notBoth(blockedWindows, allowedWindows);
        r.longEnough(allowedWindows, practiceMinutes);
        Integer maxAgeDays = r.integer("PRACTICE_MAX_AGE_DAYS", PracticeSettings.DEFAULT.maxAgeDays(), 1, 365,
                "an integer from 1 to 365 (days)");
        String eventBus = r.eventBus();
        r.lookAlikes();
        r.validSnsArn = snsArn;
        if (!r.problems.isEmpty()) {
            return null;
        }
        return new FailoverConfig(managed, minVifs, snsArn, failover, cc, supportCase, severity, dryRun,
                serviceCode, categoryCode, maxUtilization, new PracticeSettings(practiceMinutes, outcomeAlarms,
                blockingAlarms, blockedDates, blockedWindows, allowedWindows, maxAgeDays), eventBus);
    }

    /** Reads one variable at a time; each method returns null and records a problem when the value is invalid. */
    private static final class Reader {
        private final Map<String, String> env;
        private final List<String> problems = new ArrayList<>();

        /** The names asked for: the variables the function reads. */
        private final java.util.Set<String> asked = new java.util.TreeSet<>();
        /** SNSARN when it is valid, so that a misconfigured function can still say so (§5). */
        private String validSnsArn;
        /** The function's region, as Lambda sets it; null outside Lambda (tests, try-locally set it too). */
        private final String region;

        Reader(Map<String, String> env) {
            // Lambda's own: not a setting, so read past the record of the names the function reads.
            this.region = env.get("AWS_REGION");
            this.env = new java.util.HashMap<>(env) {
                @Override
                public String get(Object key) {
                    asked.add(String.valueOf(key));
                    return super.get(key);
                }
            };
        }

        /** A variable that is not read but looks like one that is: a problem of its own (docs/behaviour.md §5). */
        private void lookAlikes() {
            env.keySet().stream().sorted().forEach(name -> LookAlikes.resembled(name, asked).ifPresent(read ->
                    problems.add(name + "='" + env.getOrDefault(name, "") + "': " + name + " is not read; did you mean "
                            + read + "?")));
        }

        private void problem(String name, String value, String expected) {
            problems.add(value == null
                    ? name + " is not set: expected " + expected
                    : name + "='" + value + "': expected " + expected);
        }

        Integer integer(String name, Integer dflt, int min, int max, String expected) {
            String value = env.get(name);
            if (value == null && dflt != null) {
                return dflt;
            }
            try {
                int n = Integer.parseInt(value == null ? "" : value.strip());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(name, value, expected);
            return null;
        }

        /**
         * Exactly one of VIFLIST and VIFGROUP (docs/behaviour.md §5, §18); with neither or both, one problem that
         * names both.
         */
        ManagedVifs managedVifs(Integer minVifs) {
            String list = env.get("VIFLIST");
            String group = env.get("VIFGROUP");
            String expected = "exactly one of them: VIFLIST, comma-separated VIF IDs, or VIFGROUP, "
                    + ManagedVifs.Group.EXPECTED;
            if (list == null && group == null) {
                problems.add("VIFLIST and VIFGROUP are both unset: expected " + expected);
                return null;
            }
            if (list != null && group != null) {
                problems.add("VIFLIST and VIFGROUP are both set (VIFLIST='" + list + "', VIFGROUP='" + group
                        + "'): expected " + expected);
                return null;
            }
            if (group != null) {
                if (!ManagedVifs.Group.NAME.matcher(group.strip()).matches()) {
                    problem("VIFGROUP", group, ManagedVifs.Group.EXPECTED);
                    return null;
                }
                // Fewer than MINVIFS+1 tagged VIFs is not a problem of the configuration: a tag can change at any
                // time, so status reports it (docs/behaviour.md §18).
                return new ManagedVifs.Group(group.strip());
            }
            List<String> ids = vifList(list, minVifs);
            return ids == null ? null : new ManagedVifs.Listed(ids);
        }

        List<String> vifList(String value, Integer minVifs) {
            String expected = "comma-separated VIF IDs (" + VifId.EXPECTED + ")";
            if (value.isBlank()) {
                problem("VIFLIST", value, expected);
                return null;
            }
            Set<String> ids = new LinkedHashSet<>();
            boolean valid = true;
            for (String item : value.split(",", -1)) {
                String id = item.strip();
                if (!VifId.isValid(id)) {
                    problems.add("VIFLIST='" + value + "': item '" + id + "' is not a VIF ID: expected " + expected);
                    valid = false;
                }
                ids.add(id);
            }
            if (valid && minVifs != null && ids.size() < minVifs + 1) {
                problem("VIFLIST", value, "at least MINVIFS+1 = " + (minVifs + 1)
                        + " distinct VIF IDs, so that one can fail over (found " + ids.size() + ")");
            }
            return valid ? List.copyOf(ids) : null;
        }

        String snsTopicArn() {
            String value = env.get("SNSARN");
            if (value != null && SNS_TOPIC_ARN.matcher(value.strip()).matches()) {
                if (value.strip().endsWith(".fifo")) {
                    problem("SNSARN", value, "a standard SNS topic ARN (a FIFO topic needs a message group id)");
                    return null;
                }
                return value.strip();
            }
            problem("SNSARN", value, "an SNS topic ARN such as arn:aws:sns:eu-west-1:123456789012:dx-failover");
            return null;
        }

        List<String> emails() {
            String value = env.get("EMAIL");
            if (value == null || value.isBlank()) {
                return List.of();
            }
            List<String> cc = new ArrayList<>();
            for (String item : value.split(",", -1)) {
                String email = item.strip();
                if (!EMAIL.matcher(email).matches()) {
                    problems.add("EMAIL='" + value + "': item '" + email + "' is not an e-mail address: expected up to "
                            + MAX_CC + " comma-separated e-mail addresses");
                    return null;
                }
                cc.add(email);
            }
            if (cc.size() > MAX_CC) {
                problem("EMAIL", value, "up to " + MAX_CC + " comma-separated e-mail addresses (found " + cc.size() + ")");
                return null;
            }
            return cc;
        }

        Boolean bool(String name, boolean dflt) {
            String value = env.get(name);
            if (value == null) {
                return dflt;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> {
                    problem(name, value, "true or false");
                    yield null;
                }
            };
        }

        String oneOf(String name, String dflt, Set<String> allowed) {
            String value = env.get(name);
            if (value == null) {
                return dflt;
            }
            String word = value.strip().toLowerCase(Locale.ROOT);
            if (allowed.contains(word)) {
                return word;
            }
            problem(name, value, "one of " + String.join(", ", allowed.stream().sorted().toList()));
            return null;
        }

        /** Comma-separated CloudWatch alarm names, each 1…255 characters; none when unset or empty. */
        List<String> alarmNames(String name) {
            return items(name, a -> a.isEmpty() || a.length() > 255 ? null : a, "an alarm name",
                    a -> "comma-separated CloudWatch alarm names, each 1 to 255 characters");
        }

        /** Comma-separated UTC dates, YYYY-MM-DD; none when unset or empty. */
        List<LocalDate> dates(String name) {
            return items(name, d -> {
                try {
                    return LocalDate.parse(d);
                } catch (java.time.format.DateTimeParseException e) {
                    return null;
                }
            }, "a date", d -> "comma-separated dates YYYY-MM-DD (UTC)");
        }

        /** Comma-separated weekly windows in ARC's form, at most {@link WeeklyWindow#MAX}; none when unset or empty. */
        List<WeeklyWindow> windows(String name) {
            List<WeeklyWindow> out = items(name, WeeklyWindow::orNull, "a weekly window", WeeklyWindow::problem);
            if (out != null && out.size() > WeeklyWindow.MAX) {
                problem(name, env.get(name), "at most " + WeeklyWindow.MAX + " windows (found " + out.size() + "), each "
                        + WeeklyWindow.FORM);
                return null;
            }
            return out;
        }

        /** Blocked and allowed windows together would say two things at once (docs/behaviour.md §5, as ARC). */
        void notBoth(List<WeeklyWindow> blocked, List<WeeklyWindow> allowed) {
            if (blocked != null && allowed != null && !blocked.isEmpty() && !allowed.isEmpty()) {
                problems.add("PRACTICE_BLOCKED_WINDOWS and PRACTICE_ALLOWED_WINDOWS are both set (PRACTICE_BLOCKED_WINDOWS='"
                        + env.get("PRACTICE_BLOCKED_WINDOWS") + "', PRACTICE_ALLOWED_WINDOWS='"
                        + env.get("PRACTICE_ALLOWED_WINDOWS") + "'): expected at most one of them (runs only inside the "
                        + "allowed windows, or anywhere outside the blocked ones)");
            }
        }

        /** An allowed window a run and its 15 minutes of settling cannot fit in would never allow one. */
        void longEnough(List<WeeklyWindow> allowed, Integer practiceMinutes) {
            if (allowed == null || practiceMinutes == null) {
                return;
            }
            long needed = practiceMinutes + PracticeSettings.SETTLING_MINUTES;
            allowed.stream().filter(w -> w.minutes() < needed).forEach(w -> problems.add("PRACTICE_ALLOWED_WINDOWS='"
                    + env.get("PRACTICE_ALLOWED_WINDOWS") + "': window " + w + " is " + w.minutes()
                    + " minutes: expected at least PRACTICE_MINUTES + " + PracticeSettings.SETTLING_MINUTES + " = "
                    + needed + " minutes, so that a run and its settling fit in it"));
        }

        /**
         * A comma-separated list, each item read by {@code item} (null: not one, and {@code expected} of the item says
         * what was expected); duplicates removed.
         */
        private <T> List<T> items(String name, java.util.function.Function<String, T> item, String what,
                                  java.util.function.Function<String, String> expected) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return List.of();
            }
            Set<T> out = new LinkedHashSet<>();
            for (String raw : value.split(",", -1)) {
                T parsed = item.apply(raw.strip());
                if (parsed == null) {
                    problems.add(name + "='" + value + "': item '" + raw.strip() + "' is not " + what + ": expected "
                            + expected.apply(raw.strip()));
                    return null;
                }
                out.add(parsed);
            }
            return List.copyOf(out);
        }

        /** EVENT_BUS: a bus name or ARN; unset or empty, no events (docs/behaviour.md §20). */
        String eventBus() {
            String value = env.get("EVENT_BUS");
            if (value == null || value.isBlank()) {
                return null;
            }
            if (EVENT_BUS.matcher(value.strip()).matches()) {
                String bus = value.strip();
                if (bus.startsWith("arn:") && region != null && !bus.split(":")[3].equals(region)) {
                    // PutEvents reaches the buses of the function's own region only (a rule there may forward).
                    problem("EVENT_BUS", value, "a bus of the function's own region, " + region + ": a bus name, or "
                            + "an ARN arn:<partition>:events:" + region + ":<account>:event-bus/<name> (to reach "
                            + "another region, add a rule on a bus here whose target is that bus)");
                    return null;
                }
                return bus;
            }
            problem("EVENT_BUS", value, "an EventBridge bus name (1 to 256 letters, digits and ._-/, such as default) "
                    + "or a bus ARN such as arn:aws:events:eu-west-1:123456789012:event-bus/default; empty for no events");
            return null;
        }

        String nonEmpty(String name, String dflt) {
            String value = env.get(name);
            if (value == null) {
                return dflt;
            }
            if (value.isBlank()) {
                problem(name, value, "a non-empty code (leave it unset for '" + dflt + "')");
                return null;
            }
            return value.strip();
        }
    }
}
