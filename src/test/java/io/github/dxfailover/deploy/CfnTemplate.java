package io.github.dxfailover.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * template.yaml as CloudFormation would see it for one set of parameter values: short-form
 * intrinsics read as their long form, Fn::ForEach expanded, and the intrinsics this template uses
 * (Ref, Sub, Join, Split, If, Equals, Not; in Rules also And, Or, Contains, EachMemberEquals,
 * EachMemberIn) evaluated. A resource's Ref resolves to a readable placeholder, {@code ref:<LogicalId>}, and
 * its GetAtt to {@code getatt:<LogicalId>.<Attribute>}.
 */
public final class CfnTemplate {
    /** What a condition's false branch or AWS::NoValue becomes: removed from lists and maps. */
    private static final Object NO_VALUE = new Object();
    private static final List<String> TAGS = List.of("Ref", "Sub", "Join", "Split", "If", "Equals", "Not", "GetAtt",
            "Select", "And", "Or");

    private final Map<String, Object> raw;
    private final Map<String, Object> parameters;
    private final Map<String, Boolean> conditions = new LinkedHashMap<>();

    private CfnTemplate(Map<String, Object> raw, Map<String, Object> parameters) {
        this.raw = raw;
        this.parameters = parameters;
    }

    /**
     * @param parameterValues values for the template's parameters (defaults fill the rest), plus
     *                        AWS::Partition, AWS::Region and AWS::AccountId
     */
    @SuppressWarnings("unchecked")
    public static CfnTemplate load(Path file, Map<String, Object> parameterValues) throws IOException {
        Map<String, Object> raw = new Yaml(new IntrinsicConstructor()).load(Files.readString(file));
        Map<String, Object> params = new LinkedHashMap<>();
        ((Map<String, Object>) raw.getOrDefault("Parameters", Map.of())).forEach((name, def) -> {
            Object dflt = ((Map<String, Object>) def).get("Default");
            if (dflt != null) {
                params.put(name, dflt);
            }
        });
        params.putAll(parameterValues);
        // A CommaDelimitedList given as text is the list CloudFormation makes of it: "" is [""], as the default.
        ((Map<String, Object>) raw.getOrDefault("Parameters", Map.of())).forEach((name, def) -> {
            if ("CommaDelimitedList".equals(((Map<String, Object>) def).get("Type"))
                    && params.get(name) instanceof String text) {
                params.put(name, List.of(text.split(",", -1)));
            }
        });
        CfnTemplate t = new CfnTemplate(raw, params);
        ((Map<String, Object>) raw.getOrDefault("Conditions", Map.of()))
                .forEach((name, expr) -> t.conditions.put(name, (Boolean) t.resolve(expr)));
        return t;
    }

    public Map<String, Object> raw() {
        return raw;
    }

    /**
     * The template rules' assertions that fail for these parameter values (those whose rule condition
     * holds and whose Assert is false), each as rule name to its AssertDescription; empty when
     * CloudFormation would accept the values. A rule with several assertions is named {@code Rule[i]}.
     */
    @SuppressWarnings("unchecked")
    public Map<String, String> failedAssertions() {
        Map<String, String> failed = new LinkedHashMap<>();
        ((Map<String, Object>) raw.getOrDefault("Rules", Map.of())).forEach((name, body) -> {
            Map<String, Object> rule = (Map<String, Object>) body;
            if (rule.containsKey("RuleCondition") && !(Boolean) resolve(rule.get("RuleCondition"))) {
                return;
            }
            List<Map<String, Object>> assertions = (List<Map<String, Object>>) rule.get("Assertions");
            for (int i = 0; i < assertions.size(); i++) {
                if (!(Boolean) resolve(assertions.get(i).get("Assert"))) {
                    failed.put(assertions.size() == 1 ? name : name + "[" + i + "]",
                            String.valueOf(assertions.get(i).get("AssertDescription")));
                }
            }
        });
        return failed;
    }

    /** Resources after Fn::ForEach expansion, their conditions applied and intrinsics evaluated. */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> resources() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        ((Map<String, Object>) raw.get("Resources")).forEach((name, body) -> {
            if (name.startsWith("Fn::ForEach::")) {
                List<Object> loop = (List<Object>) body;
                String id = (String) loop.get(0);
                List<Object> items = (List<Object>) resolve(loop.get(1));
                Map<String, Object> fragment = (Map<String, Object>) loop.get(2);
                for (Object item : items) {
                    fragment.forEach((key, resource) -> {
                        Object condition = ((Map<String, Object>) resource).get("Condition");
                        if (condition == null || conditions.get(condition)) {
                            out.put((String) substituteLoop(key, id, (String) item),
                                    (Map<String, Object>) resolve(substituteLoop(resource, id, (String) item)));
                        }
                    });
                }
            } else {
                Map<String, Object> resource = (Map<String, Object>) body;
                if (resource.get("Condition") == null || conditions.get(resource.get("Condition"))) {
                    out.put(name, (Map<String, Object>) resolve(resource));
                }
            }
        });
        return out;
    }

    /** ${Id} and &{Id} (non-alphanumerics removed) replaced by the loop item, in keys and strings. */
    @SuppressWarnings("unchecked")
    private static Object substituteLoop(Object node, String id, String item) {
        if (node instanceof String s) {
            return s.replace("${" + id + "}", item).replace("&{" + id + "}", item.replaceAll("[^A-Za-z0-9]", ""));
        }
        if (node instanceof List<?> list) {
            return list.stream().map(n -> substituteLoop(n, id, item)).toList();
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put((String) substituteLoop(k, id, item),
                    substituteLoop(v, id, item)));
            return out;
        }
        return node;
    }

    /** Evaluates the intrinsics in a node. */
    @SuppressWarnings("unchecked")
    public Object resolve(Object node) {
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                Object r = resolve(item);
                if (r != NO_VALUE) {
                    out.add(r);
                }
            }
            return out;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        if (map.size() == 1) {
            String key = (String) map.keySet().iterator().next();
            Object arg = map.get(key);
            switch (key) {
                case "Ref":
                    return ref((String) arg);
                case "Fn::Sub":
                    return sub(arg);
                case "Fn::Join": {
                    List<Object> a = (List<Object>) arg;
                    List<Object> parts = (List<Object>) resolve(a.get(1));
                    return String.join((String) a.get(0), parts.stream().map(String::valueOf).toList());
                }
                case "Fn::Split": {
                    List<Object> a = (List<Object>) arg;
                    return List.of(((String) resolve(a.get(1))).split(Pattern.quote((String) a.get(0)), -1));
                }
                case "Fn::If": {
                    List<Object> a = (List<Object>) arg;
                    return resolve(conditions.get((String) a.get(0)) ? a.get(1) : a.get(2));
                }
                case "Fn::Equals": {
                    List<Object> a = (List<Object>) arg;
                    return String.valueOf(resolve(a.get(0))).equals(String.valueOf(resolve(a.get(1))));
                }
                case "Fn::Not":
                    return !(Boolean) resolve(((List<Object>) arg).get(0));
                case "Fn::And":
                    return ((List<Object>) arg).stream().allMatch(c -> (Boolean) resolve(c));
                case "Fn::Or":
                    return ((List<Object>) arg).stream().anyMatch(c -> (Boolean) resolve(c));
                case "Fn::Contains": {
                    List<Object> a = (List<Object>) arg;
                    return strings(a.get(0)).contains(String.valueOf(resolve(a.get(1))));
                }
                case "Fn::EachMemberEquals": {
                    List<Object> a = (List<Object>) arg;
                    String value = String.valueOf(resolve(a.get(1)));
                    return strings(a.get(0)).stream().allMatch(value::equals);
                }
                case "Fn::EachMemberIn": {
                    List<Object> a = (List<Object>) arg;
                    return strings(a.get(1)).containsAll(strings(a.get(0)));
                }
                case "Fn::GetAtt":
                    return "getatt:" + (arg instanceof List<?> l ? String.join(".", (List<String>) l) : arg);
                default:
                    break;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<String, Object>) map).forEach((k, v) -> {
            Object r = resolve(v);
            if (r != NO_VALUE) {
                out.put(k, r);
            }
        });
        return out;
    }

    /** A list (or a CommaDelimitedList parameter's value) resolved, its members as strings. */
    private List<String> strings(Object node) {
        Object list = resolve(node);
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    private Object ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (parameters.containsKey(name)) {
            Object value = parameters.get(name);
            return value instanceof Number n ? String.valueOf(n) : value;
        }
        return "ref:" + name;
    }

    @SuppressWarnings("unchecked")
    private Object sub(Object arg) {
        String template;
        Map<String, Object> vars = new LinkedHashMap<>();
        if (arg instanceof List<?> list) {
            template = (String) list.get(0);
            ((Map<String, Object>) list.get(1)).forEach((k, v) -> vars.put(k, resolve(v)));
        } else {
            template = (String) arg;
        }
        Matcher m = Pattern.compile("\\$\\{([^}!]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object value = vars.containsKey(name) ? vars.get(name)
                    : name.contains(".") ? "getatt:" + name : ref(name); // ${Resource.Attribute} is a GetAtt
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Reads !Ref, !Sub, … as {"Ref": …}, {"Fn::Sub": …}, …. */
    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor() {
            super(new LoaderOptions());
            for (String name : TAGS) {
                String key = name.equals("Ref") ? "Ref" : "Fn::" + name;
                yamlConstructors.put(new Tag("!" + name), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        Object value;
                        if (node instanceof ScalarNode s) {
                            value = name.equals("GetAtt") ? List.of(s.getValue().split("\\.", 2)) : s.getValue();
                        } else if (node instanceof SequenceNode s) {
                            value = constructSequence(s);
                        } else {
                            value = constructMapping((MappingNode) node);
                        }
                        return Map.of(key, value);
                    }
                });
            }
        }
    }
}
