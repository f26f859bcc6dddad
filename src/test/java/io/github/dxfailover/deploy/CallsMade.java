package io.github.dxfailover.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dxfailover.config.ManagedVifs;
import io.github.dxfailover.deploy.PermissionsTest.Grant;
import io.github.dxfailover.local.FakeDirectConnect;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS calls a function made, as IAM would authorize them: each an action and the resource it acts on (with the
 * VIF's group tag for a VIF, docs/behaviour.md §12, §18), read from moto's recorder and the fake Direct Connect's log,
 * and checked against a role's statements through {@link PermissionsTest#grants}.
 */
final class CallsMade {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A request's signing name, where it is not its IAM prefix. */
    private static final Map<String, String> IAM_PREFIX = Map.of("monitoring", "cloudwatch");
    private static final Pattern SIGNING_SERVICE = Pattern.compile("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/");
    /** Changing a tag is authorized by its keys too, which {@link PermissionsTest} checks; these are not. */
    private static final Set<String> TAG_ACTIONS = Set.of("directconnect:TagResource", "directconnect:UntagResource");

    /** One call: the IAM action, the resource ("*" where the action takes none), the VIF's group tag or null. */
    record Call(String action, String resource, String groupTag) {
    }

    private CallsMade() {
    }

    /** The calls moto recorded: the service from the signature's scope, the operation from the request. */
    static List<Call> fromMoto(List<JsonNode> recorded, String region, String account) throws IOException {
        List<Call> calls = new ArrayList<>();
        for (JsonNode request : recorded) {
            Matcher scope = SIGNING_SERVICE.matcher(header(request, "Authorization"));
            if (!scope.find()) {
                throw new AssertionError("expected a request signed with SigV4, found " + request);
            }
            String prefix = IAM_PREFIX.getOrDefault(scope.group(1), scope.group(1));
            String body = request.path("body").asText("");
            if (request.path("body_encoded").asBoolean()) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            String action = prefix + ":" + operation(request, body);
            JsonNode json = body.startsWith("{") ? JSON.readTree(body) : null;
            String topic = json != null ? json.path("TopicArn").asText(null) : formValue(body, "TopicArn");
            if (topic != null) {
                calls.add(new Call(action, topic, null));
            } else if (action.equals("events:PutEvents")) {
                for (JsonNode entry : json.get("Entries")) {
                    String bus = entry.path("EventBusName").asText("default");
                    calls.add(new Call(action, bus.startsWith("arn:") ? bus
                            : "arn:aws:events:" + region + ":" + account + ":event-bus/" + bus, null));
                }
            } else {
                calls.add(new Call(action, "*", null));
            }
        }
        return calls;
    }

    /** The calls the fake Direct Connect answered: a call naming a VIF acts on its ARN, the others on "*". */
    static List<Call> fromDirectConnect(FakeDirectConnect dx, String region, String account) {
        List<Call> calls = new ArrayList<>();
        for (FakeDirectConnect.Call call : dx.calls()) {
            String action = "directconnect:" + call.operation();
            List<String> vifs = new ArrayList<>();
            if (call.request().hasNonNull("virtualInterfaceId")) {
                vifs.add(call.request().get("virtualInterfaceId").asText());
            }
            call.request().path("resourceArns").forEach(a -> vifs.add(a.asText().replaceAll(".*/", "")));
            if (call.request().hasNonNull("resourceArn")) {
                vifs.add(call.request().get("resourceArn").asText().replaceAll(".*/", ""));
            }
            if (vifs.isEmpty()) {
                calls.add(new Call(action, "*", null));
            }
            for (String vif : vifs) {
                calls.add(new Call(action, "arn:aws:directconnect:" + region + ":" + account + ":dxvif/" + vif,
                        dx.vif(vif).tags().get(ManagedVifs.GROUP_TAG)));
            }
        }
        return calls;
    }

    /**
     * The calls no statement allows: none grants the action on a resource that matches, with the VIF's group tag
     * its condition names (or none, where it is IfExists). A Deny takes nothing away here: the role's one Deny is of
     * tag changes, which are refused here, their keys being PermissionsTest's to check (a failover makes none).
     */
    static List<Call> notAllowed(List<Call> calls, List<JsonNode> statements) {
        Set<Grant> grants = PermissionsTest.grants(statements);
        return calls.stream().filter(call -> TAG_ACTIONS.contains(call.action())
                || grants.stream().noneMatch(g -> allows(g, call))).toList();
    }

    /** A grant's resource reads {@code arn [dx-failover:group=<group>]} or {@code … if set]} when scoped by the tag. */
    private static boolean allows(Grant grant, Call call) {
        if (!grant.action().equalsIgnoreCase(call.action())) { // IAM's action names are case-insensitive
            return false;
        }
        Matcher scoped = Pattern.compile("(\\S+) \\[dx-failover:group=(.*?)( if set)?]").matcher(grant.resource());
        String resource = scoped.matches() ? scoped.group(1) : grant.resource();
        if (!call.resource().matches(Pattern.quote(resource).replace("*", "\\E.*\\Q"))) {
            return false;
        }
        return !scoped.matches() || scoped.group(2).equals(call.groupTag())
                || scoped.group(3) != null && call.groupTag() == null;
    }

    private static String header(JsonNode request, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = request.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue().asText();
            }
        }
        return "";
    }

    /** The operation: the JSON protocols' X-Amz-Target, RPC v2's path, or the query protocol's Action. */
    private static String operation(JsonNode request, String body) {
        String target = header(request, "X-Amz-Target");
        if (!target.isEmpty()) {
            return target.substring(target.lastIndexOf('.') + 1);
        }
        String path = URI.create(request.path("url").asText()).getPath();
        if (path.contains("/operation/")) {
            return path.substring(path.lastIndexOf('/') + 1);
        }
        String action = formValue(body, "Action");
        if (action == null) {
            throw new AssertionError("expected an operation in X-Amz-Target, the path or Action=, found " + request);
        }
        return action;
    }

    private static String formValue(String body, String name) {
        for (String pair : body.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
