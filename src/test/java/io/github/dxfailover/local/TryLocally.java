package io.github.dxfailover.local;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dxfailover.config.FailoverConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.services.support.model.CaseDetails;

/**
 * {@code local/try-locally}: the packaged function on one event against a fake Direct Connect and
 * moto, printing the decision, the result, the notification as SNS delivered it, the support case
 * and the VIF states after. Everything it starts is stopped on exit, Ctrl-C included.
 */
public final class TryLocally {
    private static final String USAGE = "usage: local/try-locally [EVENT_FILE] [--state VIFS_FILE] [--env NAME=VALUE]..."
            + " [--allow-unknown-env] [--alarm ALARM_NAME]... [--alarms ALARMS_FILE]";
    /** How long the function has to answer; Lambda would have timed it out before (template.yaml's Timeout). */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many runs' log folders (try-locally-…) are kept in the temporary directory, this run's included. */
    static final int KEEP_RUNS = 5;
    private static final Pattern RUN_FOLDER = Pattern.compile("try-locally-\\d+");
    /** Variables read by Lambda, the SDK or the JVM rather than by the function's configuration. */
    private static final List<String> PLATFORM_PREFIXES =
            List.of("AWS_", "LAMBDA_", "JAVA_TOOL_OPTIONS", "JAVA_OPTS", "_JAVA_OPTIONS");

    /**
     * try-locally's exit codes: what a script can tell from the run without reading the output. --help lists them
     * from here; {@code local/try-locally} itself exits with {@link #NOT_RUN}'s code when it cannot start Java.
     */
    enum Exit {
        ANSWERED(0, "the function answered: any outcome but the two below, a status NOT READY included"),
        INVOCATION_FAILED(1, "the invocation failed: the function threw, its init failed, or no answer within "
                + ANSWER_WITHIN.toSeconds() + " s"),
        USAGE(2, "refused before anything started: an unknown option or --env name, a file missing or not JSON"),
        CONFIG_ERROR(3, "the function answered CONFIG_ERROR: the configuration (--env) is invalid"),
        REJECTED(4, "the function answered REJECTED: not an event it takes, or an alarm that names no VIF"),
        NOT_RUN(5, "try-locally could not run the function: no moto_server, a failed build, or moto, a fake"
                + " or the function's JVM did not start (a JVM that exits before it answers — a bad JAVA_TOOL_OPTIONS —"
                + " ends the run at once, with its log)");

        final int code;
        final String meaning;

        Exit(int code, String meaning) {
            this.code = code;
            this.meaning = meaning;
        }
    }

    private TryLocally() {
    }

    public static void main(String[] args) {
        Exit exit;
        try {
            exit = run(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            exit = Exit.USAGE;
        } catch (Exception e) { // not the function's failure but the harness's: a script must not read it as one
            System.err.println("try-locally could not run the function:");
            e.printStackTrace();
            exit = Exit.NOT_RUN;
        }
        System.exit(exit.code);
    }

    /** Runs one event; what it came to as an exit code (see {@link Exit}). */
    static Exit run(String[] args, PrintStream out) throws Exception {
        List<Path> events = new ArrayList<>();
        Path state = Path.of("local", "three-healthy.json");
        Map<String, String> overrides = new HashMap<>();
        List<SeededAlarm> alarms = new ArrayList<>();
        List<Path> alarmFiles = new ArrayList<>();
        boolean allowUnknownEnv = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--state" -> state = Path.of(value(args, ++i, "--state"));
                case "--alarm" -> alarms.add(new SeededAlarm(value(args, ++i, "--alarm"), null, true));
                case "--alarms" -> alarmFiles.add(Path.of(value(args, ++i, "--alarms")));
                case "--env" -> {
                    String pair = value(args, ++i, "--env");
                    int eq = pair.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--env expects NAME=VALUE, found " + pair);
                    }
                    overrides.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                case "--allow-unknown-env" -> allowUnknownEnv = true;
                case "-h", "--help" -> {
                    out.println(USAGE);
                    out.println("""

                            Runs the packaged function through Lambda's runtime interface client on one event against a
                            fake Direct Connect and moto (SNS, Support, CloudWatch) on 127.0.0.1, and prints the decision,
                            the result, the notifications, the support cases and the VIFs after. No AWS account needed.

                              EVENT_FILE        the input, one JSON file (default events/eventbridge-metric-alarm.json;
                                                see events/)
                              --state FILE      the VIFs, e.g. {"vifs": [{"id": "dxvif-…", "state": "available",
                                                "bgp": ["up", "down"]}]}; a VIF in state "testing" has a failover test
                                                running ("testMinutesLeft", default 60). For the capacity guard a VIF
                                                may name its "connection" and "trafficBps", and the file may list
                                                "connections" [{"id", "bandwidth"}] and "lags" [{"id", "bandwidth",
                                                "members"}]; for practice runs a VIF may carry "tags", a "pastTest"
                                                {"testId", "startedMinutesAgo", "minutes"} and "trafficBefore" /
                                                "trafficDuring" around it. Default local/three-healthy.json; see also
                                                local/one-healthy.json, one-under-test.json, capacity-guard.json,
                                                below-minimum.json, maintenance-at-risk.json, practice-running.json,
                                                practice-ended.json and group.json (VIFs tagged
                                                "dx-failover:group", for --env VIFGROUP=core) (docs/try-it.md).
                              --env NAME=VALUE  any environment variable (VIFLIST defaults to every VIF of the state
                                                file unless VIFGROUP is given, MINVIFS to 1); a name the function does
                                                not read (a typo: MINVIF) stops the run before anything starts
                              --allow-unknown-env  run all the same with such names, each warned about (Lambda's,
                                                the SDK's and the JVM's own, AWS_… and JAVA_…, always pass)
                              --alarm NAME      put an alarm of that name into ALARM first (for reconcile and status)
                              --alarms FILE     several, e.g. local/alarms.json: {"alarms": [{"name": "…",
                                                "vif": "dxvif-…" (a VirtualInterfaceId dimension), "actionsEnabled": false}]}

                            The answer comes first, after the event: the outcome and the first line of the result's
                            message ("STATUS: READY: …"); then the function's decision log line and the result's JSON.

                            The function's full log and moto's are kept in a folder try-locally-… under the temporary
                            directory ($TMPDIR, else /tmp); the last line of the output names it. Each run first deletes
                            older such folders so that only the newest %d remain, its own included.

                            Exit codes:""".formatted(KEEP_RUNS));
                    for (Exit exit : Exit.values()) {
                        out.println("  " + exit.code + "  " + exit.meaning);
                    }
                    return Exit.ANSWERED;
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                    events.add(Path.of(args[i]));
                }
            }
        }
        if (events.size() > 1) {
            throw new IllegalArgumentException("found " + events.size() + " event files, " + String.join(" and ",
                    events.stream().map(Path::toString).toList()) + ": give one (try-locally runs one event)");
        }
        Path event = events.isEmpty() ? Path.of("events", "eventbridge-metric-alarm.json") : events.get(0);
        String eventJson = readJson("event file", event).text();
        JsonNode vifs = readJson("--state", state).root();
        for (Path file : alarmFiles) {
            alarms.addAll(readAlarms(file));
        }
        checkVariables(overrides, allowUnknownEnv);
        List<AutoCloseable> started = new ArrayList<>();
        Thread stopAll = new Thread(() -> closeAll(started));
        Runtime.getRuntime().addShutdownHook(stopAll); // Ctrl-C
        try {
            FakeDirectConnect dx = FakeDirectConnect.start();
            started.add(dx);
            try {
                dx.load(state.toString(), vifs);
            } catch (IllegalArgumentException e) { // the file's shape: one line, no stack trace
                throw new IllegalArgumentException("--state: " + e.getMessage(), e);
            }
            Path work = newRunFolder();
            Moto moto = Moto.start(work.resolve("moto.log"));
            started.add(moto);
            LocalAws aws = new LocalAws(moto.endpoint());
            started.add(aws);
            String topic = aws.createTopic("dx-failover");
            aws.putTraffic(dx); // the state file's "trafficBps", as AWS/DX metrics for the capacity guard
            aws.putPracticeTraffic(dx); // "trafficBefore"/"trafficDuring": around a past practice run's test
            for (SeededAlarm a : alarms) {
                aws.alarmInAlarm(a.name(), a.vifDimension(), a.actionsEnabled());
            }

            SupportFront support = new SupportFront(moto.endpoint());
            started.add(support);
            Map<String, String> env = new HashMap<>(LocalLambda.localAwsEnv(moto.endpoint().toString(),
                    dx.endpoint().toString()));
            env.put("AWS_ENDPOINT_URL_SUPPORT", support.endpoint().toString());
            if (!overrides.containsKey("VIFGROUP")) {
                // With VIFGROUP the function picks the VIFs by their tag (docs/behaviour.md §18): no VIFLIST beside it.
                env.put("VIFLIST", String.join(",", dx.vifIds()));
            }
            env.put("MINVIFS", "1");
            env.put("SNSARN", topic);
            env.put("EMAIL", "noc@example.com");
            // The template's default bus (docs/behaviour.md §20), so that every run shows the event it puts.
            env.put("EVENT_BUS", "default");
            env.putAll(overrides);
            String bus = env.get("EVENT_BUS").strip();
            String busName = bus.substring(bus.lastIndexOf('/') + 1);
            String eventQueue = bus.isEmpty() || !bus.matches("[A-Za-z0-9._-]+|arn:.*:event-bus/[A-Za-z0-9._-]+") ? null
                    : aws.ruleToQueue(busName, "{\"source\": [\"dx-failover\"]}");
            // Practice runs' watch alarms exist, in OK unless --alarm put them in ALARM (docs/behaviour.md §16).
            for (String variable : List.of("PRACTICE_OUTCOME_ALARMS", "PRACTICE_BLOCKING_ALARMS")) {
                for (String name : env.getOrDefault(variable, "").split(",")) {
                    if (!name.isBlank() && alarms.stream().noneMatch(a -> a.name().equals(name.strip()))) {
                        aws.alarmInState(name.strip(), "OK");
                    }
                }
            }

            out.println("== aws-dx-failover, locally: fake Direct Connect at " + dx.endpoint() + ", moto at "
                    + moto.endpoint());
            out.println("== Configuration");
            env.entrySet().stream().filter(e -> !e.getKey().startsWith("AWS_")).sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.println("  " + e.getKey() + "=" + e.getValue()));
            out.println("== VIFs before (" + state + ")");
            out.print(dx.describeVifs());
            if (!alarms.isEmpty()) {
                out.println("== Alarms in ALARM (in moto's CloudWatch, for reconcile and status)");
                alarms.forEach(a -> out.println("  " + a.name() + (a.vifDimension() == null ? "" : "  [VirtualInterfaceId="
                        + a.vifDimension() + "]") + (a.actionsEnabled() ? "" : "  (actions disabled)")));
            }
            out.println("== Event: " + event);

            LocalLambda function = LocalLambda.start(LocalLambda.defaultZip(), LocalLambda.defaultRuntimeLib(), env,
                    List.of(), work.resolve("function.log"));
            started.add(function);
            Optional<RuntimeApiEmulator.Answer> answer = answer(function, eventJson);
            Exit exit = exitFor(answer);

            // The answer before the ~40 lines of log and JSON below, which say the same at length.
            out.println("== Answer (exit code " + exit.code + ")");
            out.println("  " + answerLine(answer));
            messageBelow(answer).forEach(l -> out.println("  " + l));
            out.println("== Decision (from the function's log)");
            List<String> decision = function.output().lines()
                    .filter(l -> l.contains("decision - ") || l.contains(" ERROR ")).toList();
            decision.forEach(l -> out.println("  " + l));
            if (decision.isEmpty()) {
                out.println("  (none: the handler did not run; see the result)");
            }
            if (answer.isEmpty()) {
                out.println("== No answer within " + ANSWER_WITHIN.toSeconds() + " s (Lambda would retry the event)");
            } else {
                out.println(answer.get().error() ? "== Function error (Lambda would retry the event)" : "== Result");
                out.println(pretty(answer.get().body()));
            }
            out.println("== Notifications as SNS delivered them");
            List<LocalAws.Delivered> messages = aws.delivered();
            if (messages.isEmpty()) {
                out.println("  (none)");
            }
            for (LocalAws.Delivered m : messages) {
                out.println("Subject: " + m.subject());
                out.println("Attributes: " + m.attributes());
                out.println(m.message());
            }
            out.println("== Events put on the EventBridge bus" + (eventQueue == null ? " (EVENT_BUS is empty: none)"
                    : " " + busName + " (a rule on source dx-failover)"));
            List<com.fasterxml.jackson.databind.JsonNode> putEvents = eventQueue == null ? List.of()
                    : aws.eventsIn(eventQueue);
            if (eventQueue != null && putEvents.isEmpty()) {
                out.println(exit == Exit.CONFIG_ERROR ? "  (none: a CONFIG_ERROR puts no event; its settings may be"
                        + " what is wrong)" : "  (none: no event for what is not notified)");
            }
            putEvents.forEach(e -> out.println(pretty(e.toString())));
            out.println("== Support cases");
            List<CaseDetails> cases = aws.supportCases();
            if (cases.isEmpty()) {
                out.println("  (none)");
            }
            for (CaseDetails c : cases) {
                out.println("  " + c.caseId() + ": " + c.subject() + " [" + c.serviceCode() + " / " + c.categoryCode()
                        + ", cc " + c.ccEmailAddresses() + "]");
            }
            out.println("== VIFs after");
            out.print(dx.describeVifs());
            out.println("== The function's full log: " + work.resolve("function.log") + " (moto's: "
                    + work.resolve("moto.log") + ")");
            return exit;
        } finally {
            closeAll(started);
            Runtime.getRuntime().removeShutdownHook(stopAll);
        }
    }

    /** The function's answer to the event, or none when it gave none in time: that invocation failed too. */
    private static Optional<RuntimeApiEmulator.Answer> answer(LocalLambda function, String event)
            throws InterruptedException {
        try {
            return Optional.of(function.invoke(event, ANSWER_WITHIN));
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }

    /**
     * The exit code of an answer. CONFIG_ERROR and REJECTED say that what was given (the --env values, the event
     * file) is wrong, so they are not 0; every other outcome is an answer, a status NOT READY included: that the
     * network is not ready is what status was asked, and its "ready" says so.
     */
    static Exit exitFor(Optional<RuntimeApiEmulator.Answer> answer) {
        if (answer.isEmpty() || answer.get().error()) {
            return Exit.INVOCATION_FAILED;
        }
        return switch (field(answer.get().body(), "outcome")) {
            case "CONFIG_ERROR" -> Exit.CONFIG_ERROR;
            case "REJECTED" -> Exit.REJECTED;
            default -> Exit.ANSWERED;
        };
    }

    /**
     * The answer in one line: the outcome and the first line of the result's message ("STATUS: READY: …"), or
     * the first line of the error the invocation failed with.
     */
    static String answerLine(Optional<RuntimeApiEmulator.Answer> answer) {
        if (answer.isEmpty()) {
            return "no answer within " + ANSWER_WITHIN.toSeconds() + " s: the invocation failed";
        }
        String body = answer.get().body();
        if (answer.get().error()) {
            return "the invocation failed, Lambda would retry the event: " + firstLine(field(body, "errorMessage"));
        }
        String outcome = field(body, "outcome");
        String message = firstLine(field(body, "message"));
        if (outcome.isEmpty()) { // never from this function (docs/behaviour.md §10): say so rather than guess
            return "a result without an outcome, see below";
        }
        return message.isEmpty() ? outcome : outcome + ": " + message;
    }

    /**
     * The lines of the result's message after its first, as written: status's reasons and VIFs (docs/behaviour.md
     * §14) read laid out, not as one JSON string full of \n.
     */
    static List<String> messageBelow(Optional<RuntimeApiEmulator.Answer> answer) {
        return answer.filter(a -> !a.error()).map(a -> field(a.body(), "message").lines().skip(1).toList())
                .orElse(List.of());
    }

    /** A text field of a JSON object, or "" when the text is not such an object or has no such field. */
    private static String field(String json, String name) {
        try {
            JsonNode value = JSON.readTree(json).path(name);
            return value.isValueNode() ? value.asText() : "";
        } catch (Exception e) {
            return "";
        }
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").strip();
    }

    /** An alarm to put into ALARM before the event: its name, an optional VirtualInterfaceId dimension, muted or not. */
    record SeededAlarm(String name, String vifDimension, boolean actionsEnabled) {
    }

    /** {@code {"alarms": [{"name": "dxvif-… loss", "vif": "dxvif-…" (optional), "actionsEnabled": true}]}} */
    private static List<SeededAlarm> readAlarms(Path file) {
        JsonNode root = readJson("--alarms", file).root();
        if (!root.path("alarms").isArray()) {
            throw new IllegalArgumentException("--alarms: " + file
                    + ": expected {\"alarms\": [{\"name\": \"dxvif-… loss\"}, …]}");
        }
        List<SeededAlarm> out = new ArrayList<>();
        for (JsonNode a : root.path("alarms")) {
            if (!a.path("name").isTextual() || a.path("name").asText().isBlank()) {
                throw new IllegalArgumentException("--alarms: " + file + ": every alarm needs a \"name\"");
            }
            out.add(new SeededAlarm(a.path("name").asText(), a.hasNonNull("vif") ? a.path("vif").asText() : null,
                    a.path("actionsEnabled").asBoolean(true)));
        }
        return out;
    }

    /** A file of the command line: its text and the one JSON value it holds. */
    record JsonFile(String text, JsonNode root) {
    }

    /**
     * Reads a file given as {@code option}; a file that is missing, unreadable, empty or not exactly one JSON
     * value is an IllegalArgumentException of one line naming the option, the file and what is wrong.
     */
    static JsonFile readJson(String option, Path file) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException(option + ": " + file + " is a directory, not a file");
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(option + ": no file " + file);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(option + ": " + file + " cannot be read (permission denied)");
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(option + ": " + file + " is not UTF-8 text, so not JSON");
        } catch (IOException e) {
            throw new IllegalArgumentException(option + ": " + file + " cannot be read: " + oneLine(e.getMessage()));
        }
        try (JsonParser parser = JSON.createParser(text)) {
            JsonNode root = JSON.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw new IllegalArgumentException(option + ": " + file + " is empty, not JSON");
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException(option + ": " + file + " is not JSON: more than one value, the second at "
                        + where(parser.currentTokenLocation()));
            }
            return new JsonFile(text, root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(option + ": " + file + " is not JSON"
                    + (at == null || at.getLineNr() < 1 ? "" : " (" + where(at) + ")") + ": "
                    + oneLine(e.getOriginalMessage()));
        } catch (IOException e) { // not from a String
            throw new IllegalArgumentException(option + ": " + file + " cannot be read: " + oneLine(e.getMessage()));
        }
    }

    private static String where(JsonLocation at) {
        return "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** A parser's or the file system's message on one line, without Jackson's "(start marker at [Source: …])". */
    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s+", " ").strip();
    }

    /**
     * The names the function's configuration reads, found by asking it: {@link FailoverConfig#fromEnvironment}
     * reads each variable it knows with {@code get} on every call, valid or not. The only place that names the
     * configuration class.
     */
    static Set<String> variablesTheFunctionReads(Map<String, String> env) {
        return FailoverConfig.variablesRead(env);
    }

    /**
     * Refuses --env names that neither the function nor Lambda, the SDK or the JVM reads, before anything starts:
     * such a name is most often a typo, and the run would go on with the default it meant to change (a failover
     * under MINVIFS=1 for --env MINVIF=2). With --allow-unknown-env each is only warned about.
     */
    static void checkVariables(Map<String, String> overrides, boolean allowUnknown) {
        Set<String> read = variablesTheFunctionReads(overrides);
        List<String> unread = overrides.keySet().stream().sorted().filter(name -> !isRead(name, read)).toList();
        if (allowUnknown) {
            unread.forEach(name -> System.err.println(unreadVariableWarning(name, overrides.get(name), read)));
        } else if (!unread.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n",
                    unread.stream().map(name -> unreadVariableRefusal(name, overrides.get(name), read)).toList()));
        }
    }

    private static boolean isRead(String name, Set<String> known) {
        return known.contains(name) || PLATFORM_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** The line that stops the run for a name given with --env that no one reads. */
    private static String unreadVariableRefusal(String name, String value, Set<String> known) {
        // A name like one the function reads is the function's own configuration problem (docs/behaviour.md §5).
        boolean lookAlike = io.github.dxfailover.config.LookAlikes.resembled(name, known).isPresent();
        return "--env " + name + "=" + value + ": expected a variable the function reads, found " + name + "; "
                + closestHint(name, known) + " Nothing was started; --allow-unknown-env runs all the same (" + name
                + (lookAlike ? ": the function then answers CONFIG_ERROR, as deployed it would)" : " without effect)");
    }

    /** The line that warns, under --allow-unknown-env, about a name given with --env that no one reads. */
    private static String unreadVariableWarning(String name, String value, Set<String> known) {
        if (io.github.dxfailover.config.LookAlikes.resembled(name, known).isPresent()) {
            return "warning: the function does not read " + name + " and refuses it (--env " + name + "=" + value
                    + " makes it answer CONFIG_ERROR, as deployed it would); " + closestHint(name, known);
        }
        return "warning: the function does not read " + name + " (--env " + name + "=" + value + " has no effect); "
                + closestHint(name, known);
    }

    /** The name the function reads closest to {@code name} if one is close enough, else all of them; a sentence. */
    private static String closestHint(String name, Set<String> known) {
        String closest = known.stream().min(Comparator.comparingInt((String k) -> distance(name, k))
                .thenComparing(Comparator.naturalOrder())).orElse(null);
        return closest != null && distance(name, closest) <= Math.max(2, closest.length() / 3)
                ? "did you mean " + closest + "?"
                : "it reads " + String.join(", ", known) + ".";
    }

    /** Levenshtein distance, ignoring case: the configuration's own measure of a look-alike name. */
    private static int distance(String a, String b) {
        return io.github.dxfailover.config.LookAlikes.distance(a.toUpperCase(Locale.ROOT), b.toUpperCase(Locale.ROOT));
    }

    /**
     * A new folder for this run's logs in the temporary directory, after deleting the oldest earlier ones so that
     * {@link #KEEP_RUNS} remain with it. Only folders named like this tool's (try-locally- and digits) that hold
     * nothing but log files are deleted.
     */
    static Path newRunFolder() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> earlier;
        try (Stream<Path> entries = Files.list(tmp)) {
            earlier = entries.filter(p -> RUN_FOLDER.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing(TryLocally::modified).reversed()).toList();
        }
        for (Path old : earlier.subList(Math.min(earlier.size(), KEEP_RUNS - 1), earlier.size())) {
            deleteRunFolder(old);
        }
        return Files.createTempDirectory("try-locally-");
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0); // gone meanwhile
        }
    }

    private static void deleteRunFolder(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> files = entries.toList();
            if (!files.stream().allMatch(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                    && f.getFileName().toString().endsWith(".log"))) {
                return; // not only logs: not one of ours
            }
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // another user's, or removed meanwhile: left as it is
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static String pretty(String json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (Exception e) {
            return json;
        }
    }

    private static synchronized void closeAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("could not stop " + started.get(i) + ": " + e.getMessage());
            }
        }
        started.clear();
    }
}
