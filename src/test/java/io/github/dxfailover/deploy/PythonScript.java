package io.github.dxfailover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Python script of the repository, run with python3 from the project's root as a user runs it. */
final class PythonScript {
    /** What it answered: exit status, standard output, standard error. */
    record Run(int status, String out, String err) {
    }

    /**
     * The interpreter python3 on the PATH runs, asked once: a version manager's shim (pyenv) costs a second a start,
     * and the tests start scripts some fifty times.
     */
    private static String python;

    private PythonScript() {
    }

    private static synchronized String python() throws IOException, InterruptedException {
        if (python == null) {
            Process process = start(List.of("python3", "-c", "import sys; print(sys.executable)"), null, null, "python3");
            String executable = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(process.waitFor()).as("python3 -c 'print(sys.executable)'").isZero();
            python = executable;
        }
        return python;
    }

    /** Runs {@code script} (a path from the project's root) with these arguments; at most {@code seconds}. */
    static Run run(String script, List<String> args, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python(), script));
        command.addAll(args);
        Path out = Files.createTempFile("script", ".out");
        Path err = Files.createTempFile("script", ".err");
        try {
            Process process = start(command, out, err, script);
            assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as(script + " ends within " + seconds + " s").isTrue();
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    private static Process start(List<String> command, Path out, Path err, String what) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (out != null) {
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run python3 (" + e.getMessage() + "): " + what + " needs Python 3 on the "
                    + "PATH, as the tests do (README, Quick start)", e);
        }
    }
}
