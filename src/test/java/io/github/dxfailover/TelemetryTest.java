package io.github.dxfailover;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.deploy.DashboardBody;
import io.github.dxfailover.result.PracticeReport;
import io.github.dxfailover.result.Result;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The metric line of a practice outcome (docs/behaviour.md §11): one per outcome, also inside a pass. */
class TelemetryTest {

    private static String line(Result r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Telemetry(new PrintStream(out, true), Clock.systemUTC()).record(r, "aws-dx-failover");
        return out.toString();
    }

    @Test
    void aPassThatJudgedARunCountsItsOutcomeToo() {
        Result pass = Result.of(Outcome.RECONCILED, null, "m", VifStates.notRead(), false).withPractice(
                new PracticeReport("dxvif-a", "t", Outcome.PRACTICE_SUCCEEDED, null, null, List.of(), null));
        assertThat(line(pass)).contains("\"RECONCILED\":1").contains("\"PRACTICE_SUCCEEDED\":1")
                .contains("{\"Name\":\"PRACTICE_SUCCEEDED\",\"Unit\":\"Count\"}");
        Result started = Result.of(Outcome.PRACTICE_STARTED, "dxvif-a", "m", VifStates.notRead(), false).withPractice(
                new PracticeReport("dxvif-a", "t", Outcome.PRACTICE_STARTED, null, null, List.of(), null));
        assertThat(line(started)).contains("\"PRACTICE_STARTED\":1").doesNotContain("\"PRACTICE_STARTED\":2");
    }

    /** The dashboard's "Last decisions" widget (template.yaml) finds the outcome and the VIF in the decision line. */
    @Test
    void theDashboardsLogQueryReadsTheDecisionLine() throws Exception {
        Pattern query = DashboardBody.logQueryPattern();
        String line = Telemetry.decision(Result.of(Outcome.MINIMUM_REACHED, "dxvif-fgab1234",
                "taking it out would leave 1 healthy VIF", VifStates.notRead(), false));
        Matcher m = query.matcher(line);
        assertThat(m.find()).as("%s in %s", query, line).isTrue();
        assertThat(m.group("outcome")).isEqualTo("MINIMUM_REACHED");
        assertThat(m.group("vif")).isEqualTo("dxvif-fgab1234");
    }
}
