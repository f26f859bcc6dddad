package io.github.dxfailover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The role's inline policies for N listed VIFs, as the template builds them and SAM adds to them,
 * against IAM's limit of 10,240 characters for all inline policies of a role together (white space
 * not counted). The longest partition, region, topic ARN and event bus name are assumed, so the stated maximum
 * holds everywhere. With a VifGroup the policies are one size whatever the number of VIFs (docs/behaviour.md §18).
 */
class PolicySizeTest {
    static final int ROLE_INLINE_POLICY_LIMIT = 10_240;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than any real SNS topic ARN SAM's generated topic name gives. */
    private static final String LONGEST_TOPIC = "arn:aws-us-gov:sns:ap-southeast-4:123456789012:"
            + "aws-dx-failover-production-NotificationTopic-ABCDEFGHIJKL";

    /**
     * The inline policy SAM itself puts on the function's role for an SNS on-failure destination
     * (samtranslator's EventInvokeConfig: {@code <Function>EventInvokeConfigOnFailureSNSPolicy}).
     */
    static Map<String, Object> samOnFailureSnsPolicy(Object topic) {
        return Map.of("Statement", List.of(Map.of("Action", "sns:publish", "Effect", "Allow", "Resource", topic)));
    }

    private static List<String> ids(int vifs) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < vifs; i++) {
            ids.add(String.format("dxvif-%08d", i));
        }
        return ids;
    }

    /** All inline policy text of the function's role for this many listed VIFs, white space removed. */
    static int inlinePolicyCharacters(int vifs) throws Exception {
        return inlinePolicyCharacters(Map.of("VifList", ids(vifs)));
    }

    /** The longest EventBusName the stack takes (its MaxLength): the PutEvents grant names it (§20). */
    @SuppressWarnings("unchecked")
    static String longestEventBusName() throws Exception {
        Map<String, Object> parameter = (Map<String, Object>) ((Map<String, Object>) CfnTemplate.load(
                Path.of("template.yaml"), Map.of()).raw().get("Parameters")).get("EventBusName");
        return "b".repeat((Integer) parameter.get("MaxLength"));
    }

    /** All inline policy text of the function's role for these parameters, white space removed. */
    @SuppressWarnings("unchecked")
    static int inlinePolicyCharacters(Map<String, Object> values) throws Exception {
        Map<String, Object> parameters = new java.util.HashMap<>(Map.of("MinVifs", 1, "SupportCase", "true",
                "EventBusName", longestEventBusName(),
                "AWS::Partition", "aws-us-gov", "AWS::Region", "ap-southeast-4", "AWS::AccountId", "123456789012"));
        parameters.putAll(values);
        CfnTemplate template = CfnTemplate.load(Path.of("template.yaml"), parameters);
        int total = 0;
        for (Map<String, Object> resource : template.resources().values()) {
            Map<String, Object> props = (Map<String, Object>) resource.get("Properties");
            if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                for (Object policy : (List<Object>) props.get("Policies")) {
                    total += JSON.writeValueAsString(policy).replace("ref:NotificationTopic", LONGEST_TOPIC).length();
                }
                Map<String, Object> onFailure = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                        props.getOrDefault("EventInvokeConfig", Map.of())).getOrDefault("DestinationConfig", Map.of()))
                        .get("OnFailure");
                if (onFailure != null && "SNS".equals(onFailure.get("Type"))) {
                    total += JSON.writeValueAsString(samOnFailureSnsPolicy(onFailure.get("Destination")))
                            .replace("ref:NotificationTopic", LONGEST_TOPIC).length();
                }
            } else if ("AWS::IAM::RolePolicy".equals(resource.get("Type"))) {
                total += JSON.writeValueAsString(props.get("PolicyDocument")).length();
            }
        }
        return total;
    }

    /** The number the template and the README state. */
    static int statedMaximum() throws Exception {
        Matcher m = Pattern.compile("At most (\\d+) VIFs").matcher(Files.readString(Path.of("template.yaml")));
        assertThat(m.find()).as("template.yaml states the maximum number of VIFs").isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theStatedMaximumFitsTheRolesInlinePolicyLimitAndOneMoreWouldNot() throws Exception {
        int max = statedMaximum();
        assertThat(inlinePolicyCharacters(max)).isLessThanOrEqualTo(ROLE_INLINE_POLICY_LIMIT);
        assertThat(inlinePolicyCharacters(max + 1)).isGreaterThan(ROLE_INLINE_POLICY_LIMIT);
        assertThat(Files.readString(Path.of("README.md"))).contains("at most " + max + " VIFs");
    }

    /**
     * The PutEvents grant is the one statement whose size the operator chooses (EVENT_BUS, §20): it is counted at the
     * longest name the stack takes, and that name is as long as the stated maximum allows, to within a few characters.
     */
    @Test
    void theLongestEventBusNameStillFitsTheStatedMaximum() throws Exception {
        int max = statedMaximum();
        int longest = longestEventBusName().length();
        List<String> vifs = ids(max);
        assertThat(inlinePolicyCharacters(Map.of("VifList", vifs, "EventBusName", "b".repeat(longest))))
                .isLessThanOrEqualTo(ROLE_INLINE_POLICY_LIMIT);
        assertThat(inlinePolicyCharacters(Map.of("VifList", vifs, "EventBusName", "b".repeat(longest + 16))))
                .as("MaxLength is not needlessly short").isGreaterThan(ROLE_INLINE_POLICY_LIMIT);
        assertThat(inlinePolicyCharacters(Map.of("VifList", vifs, "EventBusName", ""))).as("no bus, no grant")
                .isLessThan(inlinePolicyCharacters(Map.of("VifList", vifs, "EventBusName", "b")));
    }

    /** The longest group name a tag value allows. */
    private static final String LONGEST_GROUP = "g".repeat(128);

    @Test
    void aGroupsPoliciesAreOneSizeForThreeVifsOrThreeHundredAndFitTheLimit() throws Exception {
        int group = inlinePolicyCharacters(Map.of("VifGroup", LONGEST_GROUP));
        // A group's VIFs are tagged in Direct Connect, never named to the stack. Even named beside it (which the
        // stack's rules refuse), 3 or 300 VIF IDs add no character: no policy is made per VIF.
        assertThat(inlinePolicyCharacters(Map.of("VifGroup", LONGEST_GROUP, "VifList", ids(3)))).isEqualTo(group);
        assertThat(inlinePolicyCharacters(Map.of("VifGroup", LONGEST_GROUP, "VifList", ids(300)))).isEqualTo(group);
        assertThat(group).isLessThanOrEqualTo(ROLE_INLINE_POLICY_LIMIT);
    }
}
