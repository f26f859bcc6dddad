package io.github.dxfailover.text;

import io.github.dxfailover.decision.Minimum;
import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.GiveBack;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.decision.VifState;
import io.github.dxfailover.decision.VifStates;
import io.github.dxfailover.result.GivenBack;
import io.github.dxfailover.result.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What giving back says (docs/behaviour.md §19), written for the on-call engineer. */
public final class GiveBackText {
    private GiveBackText() {
    }

    /** The result the give-back notification is written from: GIVEN_BACK, or DRY_RUN for what would have been. */
    public static Result result(GiveBack.Plan plan, List<GivenBack> given, List<String> errors, VifStates read,
                                Instant now) {
        String vifs = String.join(", ", given.stream().map(g -> g.vifId() + " (test " + g.testId() + ", running "
                + ran(g.testStartedAt(), now) + ")").toList());
        boolean applied = given.stream().allMatch(GivenBack::applied); // none is, under DRY_RUN
        String message = belowMinimum(plan) + (applied ? "; ended the failover test on " + vifs + " so that the "
                + "network has that path back" : "; would end the failover test on " + vifs + " (DRY_RUN)");
        String vifId = given.isEmpty() ? null : given.get(0).vifId();
        return Result.of(applied ? Outcome.GIVEN_BACK : Outcome.DRY_RUN, vifId, message, read).withGivenBack(given)
                .withErrors(errors);
    }

    /** The first Stop failed: nothing was given back, and the invocation fails so that Lambda retries. */
    public static Result failed(GiveBack.Plan plan, GiveBack.Held held, String why, VifStates read) {
        return Result.of(Outcome.ERROR, held.vifId(), belowMinimum(plan) + "; could not give " + held.vifId()
                + " back: " + why, read);
    }

    /** "1 healthy VIF(s), fewer than MINVIFS (2)". */
    static String belowMinimum(GiveBack.Plan plan) {
        return plan.healthyBefore() + " healthy VIF(s), fewer than MINVIFS (" + plan.minimum().vifs() + ")";
    }

    /** The lines of the notification between the headline and the VIF table. */
    static String lines(Result r, FailoverConfig config) {
        StringBuilder out = new StringBuilder();
        List<String> down = r.vifs().byId().values().stream().filter(v -> !v.healthy() && !given(r, v))
                .map(v -> v.id() + " (" + VifText.stateAndBgp(v) + ")").toList();
        out.append("The network is below its minimum: ").append(r.vifs().healthyCount())
                .append(" healthy VIF(s), MINVIFS is ").append(Minimum.of(config).vifs()).append(".\n");
        if (!down.isEmpty()) {
            out.append("Not carrying traffic: ").append(String.join(", ", down)).append(".\n");
        }
        for (GivenBack g : r.givenBack()) {
            out.append(g.applied() ? "Ended: " : "Would end: ").append("failover test ").append(g.testId()).append(" on ")
                    .append(g.vifId()).append(", running since ")
                    .append(g.testStartedAt() == null ? "an unknown time" : g.testStartedAt().toString()).append(".\n");
        }
        out.append("A failover test was holding a usable VIF out while the rest of the network failed; whoever "
                + "started it (this function, an operator's command or the Direct Connect console), it broke your own "
                + "minimum. A VIF that carries traffic badly is better than no VIF at all.\n");
        return out.toString();
    }

    /** What the engineer should know next. */
    static String whatNext(Result r) {
        String vifs = String.join(", ", r.givenBack().stream().map(GivenBack::vifId).toList());
        boolean one = r.givenBack().size() == 1;
        return (r.outcome() == Outcome.DRY_RUN ? "Nothing was changed (DRY_RUN=true). Without it, next: " : "Next: ")
                + vifs
                + (one ? " is" : " are") + " back in service but may still carry traffic badly: " + (one ? "its" : "their")
                + " alarms still count, and the function takes " + (one ? "it" : "them") + " out again once enough "
                + "other VIFs are healthy. No new support case was opened. Restore the VIFs that are down first.\n";
    }

    private static boolean given(Result r, VifState v) {
        return r.givenBack().stream().anyMatch(g -> g.vifId().equals(v.id()));
    }

    private static String ran(Instant start, Instant now) {
        if (start == null) {
            return "for an unknown time";
        }
        long minutes = Math.max(0, Duration.between(start, now).toMinutes());
        return "for " + (minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min");
    }
}
