package io.github.dxfailover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.local.Moto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * cfn-lint (it applies the SAM transform) finds no error and no warning in template.yaml: as it is, and as each way
 * of naming the VIFs deploys it (docs/behaviour.md §18), VifList or VifGroup, with and without an event bus (its
 * grant, §20) and with practice windows (their pattern against a value). The SAM transform resolves a parameter
 * to its default before cfn-lint looks (its {@code --parameters} do not reach a transformed template), so each variant
 * is a copy whose defaults are that variant's values. And the monitoring account's template, which has no transform.
 */
class TemplateLintIT {

    @ParameterizedTest(name = "VifList={0} VifGroup={1} EventBusName={2} PracticeBlockedWindows={3}")
    @CsvSource(delimiter = '|', value = {
        "''|''|default|''",
        "dxvif-fgab1234,dxvif-fgcd5678,dxvif-fgef9012|''|default|''",
        "''|core network|default|''",
        "dxvif-fgab1234,dxvif-fgcd5678,dxvif-fgef9012|''|''|Mon:09:00-Mon:17:00,sat:02:00-sat:06:00",
        "''|core network|''|''",
    })
    void cfnLintPassesWithoutErrorsOrWarnings(String vifList, String vifGroup, String eventBus, String blockedWindows)
            throws Exception {
        String template = Files.readString(Path.of("template.yaml"));
        template = withDefault(withDefault(template, "VifList", vifList), "VifGroup", vifGroup);
        template = withDefault(withDefault(template, "EventBusName", eventBus), "PracticeBlockedWindows", blockedWindows);
        Path variant = Files.createDirectories(Path.of("target", "lint")).resolve("template-" + Math.abs(
                (vifList + "|" + vifGroup + "|" + eventBus + "|" + blockedWindows).hashCode()) + ".yaml");
        Files.writeString(variant, template);
        assertLintClean(variant);
    }

    /**
     * The monitoring account's template (docs/fleet.md) as fleet/make-monitoring-template made it for the sample fleet:
     * a plain template, so cfn-lint reads it as CloudFormation will, its dashboard's condition in every Region.
     */
    @Test
    void cfnLintPassesTheMonitoringAccountsTemplate() throws Exception {
        assertLintClean(Path.of("fleet", "monitoring-template.yaml"));
    }

    private static void assertLintClean(Path template) throws Exception {
        String cfnLint = Moto.findOnPath("cfn-lint");
        assertThat(cfnLint).as("cfn-lint was not found on PATH. Install it with: python3 -m pip install cfn-lint "
                + "(or skip these tests explicitly with -DskipIntegration)").isNotNull();
        Process p = new ProcessBuilder(cfnLint, template.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    /**
     * fleet/stackset-template.json (issue 34) as committed: no Transform, so cfn-lint reads it as CloudFormation does,
     * the resources of every condition included.
     */
    @Test
    void theStackSetTemplatePassesWithoutErrorsOrWarnings() throws Exception {
        assertLintClean(StackSetTemplateTest.STACKSET);
    }

    /** The template with the parameter's Default line set to {@code value}. */
    private static String withDefault(String template, String parameter, String value) {
        Matcher m = Pattern.compile("(?m)^  " + parameter + ":\\n(    .*\\n)*?    Default: .*$").matcher(template);
        assertThat(m.find()).as("the parameter %s has a Default", parameter).isTrue();
        String block = m.group().replaceAll("(?m)^    Default: .*$", Matcher.quoteReplacement("    Default: \"" + value
                + "\""));
        return template.substring(0, m.start()) + block + template.substring(m.end());
    }
}
