package io.github.dxfailover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.local.Moto;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** cfn-lint (it applies the SAM transform) finds no error and no warning in template.yaml. */
class TemplateLintIT {

    @Test
    void cfnLintPassesWithoutErrorsOrWarnings() throws Exception {
        String cfnLint = Moto.findOnPath("cfn-lint");
        assertThat(cfnLint).as("cfn-lint was not found on PATH. Install it with: python3 -m pip install cfn-lint "
                + "(or skip these tests explicitly with -DskipIntegration)").isNotNull();
        Process p = new ProcessBuilder(cfnLint, "template.yaml").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).isEmpty();
        assertThat(p.exitValue()).isZero();
    }
}
