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
 * not counted). The longest partition, region and topic ARN are assumed, so the stated maximum holds
 * everywhere.
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

    /** All inline policy text of the function's role for this many VIFs, white space removed. */
    @SuppressWarnings("unchecked")
    static int inlinePolicyCharacters(int vifs) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < vifs; i++) {
            ids.add(String.format("dxvif-%08d", i));
        }
        CfnTemplate template = CfnTemplate.load(Path.of("template.yaml"), Map.of("VifList", ids, "MinVifs", 1,
                "SupportCase", "true", "AWS::Partition", "aws-us-gov", "AWS::Region", "ap-southeast-4",
                "AWS::AccountId", "123456789012"));
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
}
