package io.github.dxfailover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fleet/stackset-template.json is what fleet/make-stackset-template makes of template.yaml now, byte for byte, so
 * the committed file cannot fall behind the template StackSetTemplateTest compares it with. The script needs
 * aws-sam-translator, which comes with cfn-lint (an integration test's tool, README). On a template it cannot
 * translate faithfully it says what it expected and found, exits 2 and prints nothing.
 */
class StackSetTemplateIT {
    private static final Path SCRIPT = Path.of("fleet", "make-stackset-template");

    @TempDir
    Path tmp;

    /** The script with python3 from the project's root, as a user runs it. */
    private static PythonScript.Run run(String... args) throws IOException, InterruptedException {
        return PythonScript.run(SCRIPT.toString(), List.of(args), 120);
    }


    @Test
    void theCommittedTemplateIsTheScriptsOutputOfTemplateYaml() throws Exception {
        PythonScript.Run run = run();

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> made = run.out().lines().toList();
        List<String> committed = Files.readAllLines(StackSetTemplateTest.STACKSET);
        int first = 0;
        while (first < Math.min(made.size(), committed.size()) && made.get(first).equals(committed.get(first))) {
            first++;
        }
        assertThat(first).as("the first line where %s differs from the script's output (line %d: made '%s', "
                        + "committed '%s'): run %s > %s", StackSetTemplateTest.STACKSET, first + 1,
                first < made.size() ? made.get(first) : "(end)", first < committed.size() ? committed.get(first) : "(end)",
                SCRIPT, StackSetTemplateTest.STACKSET)
                .isEqualTo(Math.max(made.size(), committed.size()));
        assertThat(run.out()).isEqualTo(Files.readString(StackSetTemplateTest.STACKSET));
    }

    @Test
    void aTemplateWithoutTheLanguageExtensionsIsRefusedWithWhatWasExpected() throws Exception {
        Path template = tmp.resolve("template.yaml");
        Files.writeString(template, Files.readString(Path.of("template.yaml"))
                .replace("Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]",
                        "Transform: AWS::Serverless-2016-10-31"));

        PythonScript.Run run = run(template.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Transform: expected [AWS::LanguageExtensions, AWS::Serverless-2016-10-31], "
                + "found AWS::Serverless-2016-10-31");
    }

    /** VifList read outside what the script removes: a StackSet template without it would deploy something else. */
    @Test
    void aVifListLeftAfterTheGroupFoldIsRefusedWithWhereItIs() throws Exception {
        Path template = tmp.resolve("template.yaml");
        Files.writeString(template, Files.readString(Path.of("template.yaml"))
                .replace("\nOutputs:\n", "\nOutputs:\n  Listed:\n    Value: !Join [\",\", !Ref VifList]\n"));

        PythonScript.Run run = run(template.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("expected no VifList, ManageAGroup or ManageAList left, found them at "
                + "Outputs.Listed.Value.Fn::Join[1].Ref");
    }

    @Test
    void aMissingTemplateIsSaidSo() throws Exception {
        PythonScript.Run run = run(tmp.resolve("none.yaml").toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("expected the SAM template at " + tmp.resolve("none.yaml") + ", found no file");
    }
}
