package io.github.dxfailover.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The StackSet template as moto 5.2.1's CloudFormation can create it. moto creates the function (its code from a
 * bucket in moto's S3), its version, the Lambda permissions, the roles with their inline policies, the topic, the
 * rules, the log group and the dashboard. It does not create the other six types of the template: an
 * AWS::Lambda::Alias fails CreateStack (moto_server answers 500), an AWS::CloudWatch::Alarm is not made and the
 * dashboard's ${Alarm.Arn} then fails the stack ("Fn::GetAtt references undefined resource"), and the stack completes
 * without its AWS::Lambda::EventInvokeConfig, AWS::Scheduler::Schedule, AWS::SNS::Subscription and AWS::Oam::Link.
 * So all six are left out, what invoked the alias invokes the function itself, and the dashboard names each alarm by
 * an ARN spelled out from its logical name.
 */
final class MotoStackTemplate {
    /** The resource types moto 5.2.1's CloudFormation does not create. */
    static final Set<String> NOT_IN_MOTO = Set.of("AWS::Lambda::Alias", "AWS::Lambda::EventInvokeConfig",
            "AWS::Scheduler::Schedule", "AWS::CloudWatch::Alarm", "AWS::SNS::Subscription", "AWS::Oam::Link");

    private MotoStackTemplate() {
    }

    /** The template with the resources of {@link #NOT_IN_MOTO} left out and every reference to them replaced. */
    static ObjectNode of(JsonNode stackSetTemplate, String function) {
        ObjectNode template = stackSetTemplate.deepCopy();
        ObjectNode resources = (ObjectNode) template.get("Resources");
        Set<String> left = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (NOT_IN_MOTO.contains(r.getValue().get("Type").asText())) {
                left.add(r.getKey());
            }
        }
        Map<String, String> types = new java.util.HashMap<>();
        left.forEach(name -> types.put(name, resources.get(name).get("Type").asText()));
        resources.remove(left);
        JsonNode functionArn = JsonNodeFactory.instance.objectNode().set("Fn::GetAtt",
                JsonNodeFactory.instance.arrayNode().add(function).add("Arn"));
        template.set("Resources", replace(resources, types, functionArn));
        template.set("Outputs", replace(template.get("Outputs"), types, functionArn));
        List<String> stillNamed = new ArrayList<>();
        for (String name : left) {
            if (Pattern.compile("\"(Ref|Fn::GetAtt)\":\\[?\"" + name + "\"|\\$\\{" + name + "[.}]")
                    .matcher(template.toString()).find()) {
                stillNamed.add(name + " (" + types.get(name) + ")");
            }
        }
        if (!stillNamed.isEmpty()) {
            throw new AssertionError("expected no reference to a resource moto does not create, found one to "
                    + String.join(", ", stillNamed) + ": MotoStackTemplate must replace it");
        }
        return template;
    }

    /**
     * A Ref to an alias becomes the function's ARN; ${Alarm.Arn} in a Sub becomes the alarm's ARN, spelled out; a
     * DependsOn on a resource left out is dropped.
     */
    private static JsonNode replace(JsonNode node, Map<String, String> left, JsonNode functionArn) {
        if (node.isObject()) {
            if (node.size() == 1 && node.has("Ref") && "AWS::Lambda::Alias".equals(left.get(node.get("Ref").asText()))) {
                return functionArn.deepCopy();
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("DependsOn")) {
                    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
                    (e.getValue().isArray() ? e.getValue() : JsonNodeFactory.instance.arrayNode().add(e.getValue()))
                            .forEach(d -> {
                                if (!left.containsKey(d.asText())) {
                                    kept.add(d);
                                }
                            });
                    if (!kept.isEmpty()) {
                        out.set("DependsOn", kept);
                    }
                } else {
                    out.set(e.getKey(), replace(e.getValue(), left, functionArn));
                }
            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(replace(n, left, functionArn)));
            return out;
        }
        if (node.isTextual()) {
            String text = node.asText();
            for (Map.Entry<String, String> r : left.entrySet()) {
                if (r.getValue().equals("AWS::CloudWatch::Alarm")) {
                    text = text.replace("${" + r.getKey() + ".Arn}",
                            "arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:" + r.getKey());
                }
            }
            return new TextNode(text);
        }
        return node;
    }
}
