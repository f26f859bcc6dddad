package io.github.dxfailover.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.support.model.CaseDetails;

/**
 * {@code local/try-locally}: the packaged function on one event against a fake Direct Connect and
 * moto, printing the decision, the result, the notification as SNS delivered it, the support case
 * and the VIF states after. Everything it starts is stopped on exit, Ctrl-C included.
 */
public final class TryLocally {
    private static final String USAGE = "usage: local/try-locally [EVENT_FILE] [--state VIFS_FILE] [--env NAME=VALUE]..."
            + " [--alarm ALARM_NAME]... [--alarms ALARMS_FILE]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TryLocally() {
    }

    public static void main(String[] args) throws Exception {
        int status;
        try {
            status = run(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            status = 2;
        }
        System.exit(status);
    }

    /** Runs one event; returns 0 when the function answered (whatever it decided), 1 when it failed. */
    static int run(String[] args, PrintStream out) throws Exception {
        Path event = Path.of("events", "eventbridge-metric-alarm.json");
        Path state = Path.of("local", "three-healthy.json");
        Map<String, String> overrides = new HashMap<>();
        List<SeededAlarm> alarms = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--state" -> state = Path.of(value(args, ++i, "--state"));
                case "--alarm" -> alarms.add(new SeededAlarm(value(args, ++i, "--alarm"), null, true));
                case "--alarms" -> alarms.addAll(readAlarms(Path.of(value(args, ++i, "--alarms"))));
                case "--env" -> {
                    String pair = value(args, ++i, "--env");
                    int eq = pair.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--env expects NAME=VALUE, found " + pair);
                    }
                    overrides.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                case "-h", "--help" -> {
                    out.println(USAGE);
                    out.println("""

                            Runs the packaged function through Lambda's runtime interface client on one event against a
                            fake Direct Connect and moto (SNS, Support, CloudWatch) on 127.0.0.1, and prints the decision,
                            the result, the notifications, the support cases and the VIFs after. No AWS account needed.

                              EVENT_FILE        the input (default events/eventbridge-metric-alarm.json; see events/)
                              --state FILE      the VIFs, e.g. {"vifs": [{"id": "dxvif-…", "state": "available",
                                                "bgp": ["up", "down"]}]}; a VIF in state "testing" has a failover test
                                                running ("testMinutesLeft", default 60). Default local/three-healthy.json;
                                                see also local/one-healthy.json and local/one-under-test.json.
                              --env NAME=VALUE  any environment variable (VIFLIST defaults to every VIF of the state
                                                file, MINVIFS to 1)
                              --alarm NAME      put an alarm of that name into ALARM first (for reconcile and status)
                              --alarms FILE     several, e.g. local/alarms.json: {"alarms": [{"name": "…",
                                                "vif": "dxvif-…" (a VirtualInterfaceId dimension), "actionsEnabled": false}]}

                            The function's full log and moto's are kept in a folder under the system's temporary
                            directory; the last line of the output names it.""");
                    return 0;
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                    event = Path.of(args[i]);
                }
            }
        }
        if (!Files.isRegularFile(event)) {
            throw new IllegalArgumentException("no event file " + event);
        }
        if (!Files.isRegularFile(state)) {
            throw new IllegalArgumentException("--state: no file " + state);
        }
        Path work = Files.createTempDirectory("try-locally-");
        List<AutoCloseable> started = new ArrayList<>();
        Thread stopAll = new Thread(() -> closeAll(started));
        Runtime.getRuntime().addShutdownHook(stopAll); // Ctrl-C
        try {
            FakeDirectConnect dx = FakeDirectConnect.start();
            started.add(dx);
            dx.load(state); // a malformed file is an IllegalArgumentException: one line, no stack trace
            Moto moto = Moto.start(work.resolve("moto.log"));
            started.add(moto);
            LocalAws aws = new LocalAws(moto.endpoint());
            started.add(aws);
            String topic = aws.createTopic("dx-failover");
            for (SeededAlarm a : alarms) {
                aws.alarmInAlarm(a.name(), a.vifDimension(), a.actionsEnabled());
            }

            SupportFront support = new SupportFront(moto.endpoint());
            started.add(support);
            Map<String, String> env = new HashMap<>(LocalLambda.localAwsEnv(moto.endpoint().toString(),
                    dx.endpoint().toString()));
            env.put("AWS_ENDPOINT_URL_SUPPORT", support.endpoint().toString());
            env.put("VIFLIST", String.join(",", dx.vifIds()));
            env.put("MINVIFS", "1");
            env.put("SNSARN", topic);
            env.put("EMAIL", "noc@example.com");
            env.putAll(overrides);

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
            RuntimeApiEmulator.Answer answer = function.invoke(Files.readString(event), Duration.ofSeconds(90));

            out.println("== Decision (from the function's log)");
            List<String> decision = function.output().lines()
                    .filter(l -> l.contains("decision - ") || l.contains(" ERROR ")).toList();
            decision.forEach(l -> out.println("  " + l));
            if (decision.isEmpty()) {
                out.println("  (none: the handler did not run; see the result)");
            }
            out.println(answer.error() ? "== Function error (Lambda would retry the event)" : "== Result");
            out.println(pretty(answer.body()));
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
            return answer.error() ? 1 : 0;
        } finally {
            closeAll(started);
            Runtime.getRuntime().removeShutdownHook(stopAll);
        }
    }

    /** An alarm to put into ALARM before the event: its name, an optional VirtualInterfaceId dimension, muted or not. */
    record SeededAlarm(String name, String vifDimension, boolean actionsEnabled) {
    }

    /** {@code {"alarms": [{"name": "dxvif-… loss", "vif": "dxvif-…" (optional), "actionsEnabled": true}]}} */
    private static List<SeededAlarm> readAlarms(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (root == null || !root.path("alarms").isArray()) {
                throw new IllegalArgumentException(file + ": expected {\"alarms\": [{\"name\": \"dxvif-… loss\"}, …]}");
            }
            List<SeededAlarm> out = new ArrayList<>();
            for (JsonNode a : root.path("alarms")) {
                if (!a.path("name").isTextual() || a.path("name").asText().isBlank()) {
                    throw new IllegalArgumentException(file + ": every alarm needs a \"name\"");
                }
                out.add(new SeededAlarm(a.path("name").asText(), a.hasNonNull("vif") ? a.path("vif").asText() : null,
                        a.path("actionsEnabled").asBoolean(true)));
            }
            return out;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("--alarms: no file " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--alarms: " + file + " cannot be read: " + e.getMessage());
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
