package io.github.dxfailover.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.github.dxfailover.local.TryLocally.Exit;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** try-locally's answer line, exit codes and --env check, without starting anything (TryLocallyIT runs it whole). */
class TryLocallyTest {

    private static Optional<RuntimeApiEmulator.Answer> result(String json) {
        return Optional.of(new RuntimeApiEmulator.Answer(false, json, null));
    }

    private static Optional<RuntimeApiEmulator.Answer> thrown(String json) {
        return Optional.of(new RuntimeApiEmulator.Answer(true, json, "Unhandled"));
    }

    @Test
    void onlyConfigErrorAndRejectedAmongTheOutcomesAreNonZero() {
        for (String outcome : Arrays.stream(io.github.dxfailover.decision.Outcome.values()).map(Enum::name).toList()) {
            Exit expected = switch (outcome) {
                case "CONFIG_ERROR" -> Exit.CONFIG_ERROR;
                case "REJECTED" -> Exit.REJECTED;
                default -> Exit.ANSWERED;
            };
            assertThat(TryLocally.exitFor(result("{\"outcome\": \"" + outcome + "\", \"message\": \"m\"}")))
                    .as(outcome).isEqualTo(expected);
        }
    }

    /** docs/try-it.md lists every exit code, each with the words --help gives it (backticks aside). */
    @Test
    void theDocsListEveryExitCodeAsHelpDoes() throws java.io.IOException {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("docs/try-it.md")).replace("`", "");
        for (Exit exit : Exit.values()) {
            String meaning = exit.meaning.replaceFirst("^the function answered: any outcome but the two below.*",
                    "the function answered: any outcome but CONFIG_ERROR and REJECTED");
            assertThat(page).as(exit.name()).contains("| " + exit.code + " | " + meaning + " |");
        }
    }

    @Test
    void aMessageOfManyLinesIsShownLaidOutUnderTheAnswerLine() {
        var status = result("{\"outcome\": \"STATUS\", \"message\": \"READY: 3 of 3\\nVIFs:\\n  dxvif-a available\"}");
        assertThat(TryLocally.answerLine(status)).isEqualTo("STATUS: READY: 3 of 3");
        assertThat(TryLocally.messageBelow(status)).containsExactly("VIFs:", "  dxvif-a available");
        assertThat(TryLocally.messageBelow(result("{\"outcome\": \"FAILED_OVER\", \"message\": \"m\"}"))).isEmpty();
        assertThat(TryLocally.messageBelow(thrown("{\"errorMessage\": \"a\\nb\"}"))).isEmpty();
    }

    @Test
    void aStatusThatIsNotReadyStillAnswered() {
        assertThat(TryLocally.exitFor(result("{\"outcome\": \"STATUS\", \"ready\": false, \"message\": \"NOT READY\"}")))
                .isEqualTo(Exit.ANSWERED);
    }

    @Test
    void aThrownOrMissingAnswerIsAFailedInvocation() {
        assertThat(TryLocally.exitFor(thrown("{\"errorMessage\": \"reading the VIF states failed\"}")))
                .isEqualTo(Exit.INVOCATION_FAILED);
        assertThat(TryLocally.exitFor(Optional.empty())).isEqualTo(Exit.INVOCATION_FAILED);
    }

    @Test
    void theCodesAreDistinctAndTheUsageCodeIsStill2() {
        assertThat(Arrays.stream(Exit.values()).map(e -> e.code)).doesNotHaveDuplicates()
                .containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(Exit.USAGE.code).isEqualTo(2);
    }

    @Test
    void theAnswerLineIsTheOutcomeAndTheMessagesFirstLine() {
        assertThat(TryLocally.answerLine(result(
                "{\"outcome\": \"STATUS\", \"message\": \"READY: 3 of 3 listed VIFs healthy\\nVIFs:\\n  …\"}")))
                .isEqualTo("STATUS: READY: 3 of 3 listed VIFs healthy");
        assertThat(TryLocally.answerLine(result("{\"outcome\": \"IGNORED\", \"message\": \"\"}"))).isEqualTo("IGNORED");
        assertThat(TryLocally.answerLine(result("{\"outcome\": \"IGNORED\"}"))).isEqualTo("IGNORED");
        assertThat(TryLocally.answerLine(thrown("{\"errorMessage\": \"reading the VIF states failed\\n\\tat …\"}")))
                .isEqualTo("the invocation failed, Lambda would retry the event: reading the VIF states failed");
        assertThat(TryLocally.answerLine(Optional.empty())).isEqualTo("no answer within 90 s: the invocation failed");
        assertThat(TryLocally.answerLine(result("not JSON"))).isEqualTo("a result without an outcome, see below");
    }

    @Test
    void aNameTheFunctionDoesNotReadStopsTheRunNamingTheClosestAndTheFlag() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TryLocally.checkVariables(Map.of("MINVIF", "2", "MINVIFS", "1"), false))
                .withMessage("--env MINVIF=2: expected a variable the function reads, found MINVIF; did you mean"
                        + " MINVIFS? Nothing was started; --allow-unknown-env runs all the same (MINVIF: the function"
                        + " then answers CONFIG_ERROR, as deployed it would)");
    }

    @Test
    void everyUnreadNameIsALineAndAFarOneListsWhatTheFunctionReads() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TryLocally.checkVariables(Map.of("MINVIF", "2", "COLOUR", "blue"), false))
                .satisfies(e -> {
                    assertThat(e.getMessage().lines()).hasSize(2);
                    assertThat(e.getMessage().lines().toList().get(0)).startsWith("--env COLOUR=blue:")
                            .contains("it reads ").contains("MINVIFS, ").contains("VIFLIST. Nothing was started");
                    assertThat(e.getMessage().lines().toList().get(1)).startsWith("--env MINVIF=2:");
                });
    }

    @Test
    void theFunctionsPlatformsAndTheAllowFlagPass() {
        assertThatNoException().isThrownBy(() -> TryLocally.checkVariables(Map.of("MINVIFS", "2", "DRY_RUN", "true",
                "AWS_MAX_ATTEMPTS", "2", "JAVA_TOOL_OPTIONS", "-Xmx256m", "VIFGROUP", "core"), false));
        assertThatNoException().isThrownBy(() -> TryLocally.checkVariables(Map.of("MINVIF", "2"), true));
    }
}
