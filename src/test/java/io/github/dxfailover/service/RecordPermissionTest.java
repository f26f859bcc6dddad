package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.config;
import static io.github.dxfailover.Fixtures.envWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dxfailover.config.FailoverConfig;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.port.AwsCallFailed.Call;
import io.github.dxfailover.result.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * docs/behaviour.md §14: status checks the function may write its records (practice runs §16, maintenance windows §17)
 * on each VIF, with DescribeTags — read-only, allowed where TagResource is — and writes nothing itself.
 */
class RecordPermissionTest {
    private final InMemoryAws aws = new InMemoryAws().healthy(VIF_A, VIF_B, VIF_C);

    /** Without the capacity guard, whose figures these fakes do not have, and without support cases. */
    private static FailoverConfig noCapacityGuard() {
        Map<String, String> env = envWith("SUPPORT_CASE", "false");
        env.put("MAX_UTILIZATION", "0");
        return config(env);
    }

    private Result status(FailoverConfig config) {
        return aws.service(config).handle(new Request.Status(), Deadline.none());
    }

    @Test
    void allowedEverywhereOneReadForTheListAndReady() {
        Result r = status(noCapacityGuard());
        assertThat(r.preflight().ready()).isTrue();
        assertThat(aws.calls("DescribeTags")).containsExactly("DescribeTags " + VIF_A + "," + VIF_B + "," + VIF_C);
        assertThat(aws.calls("TagResource", "UntagResource", "Publish")).isEmpty();
    }

    @Test
    void aVifWithoutTheRecordStatementIsAReasonNamingItAndWhatToRedeploy() {
        aws.denyingTags(VIF_B);
        Result r = status(noCapacityGuard());
        assertThat(r.outcome()).isEqualTo(Outcome.STATUS);
        assertThat(r.preflight().ready()).isFalse();
        assertThat(r.preflight().reasons()).singleElement().asString().isEqualTo("this function may not write its records "
                + "(practice runs, maintenance windows) on " + VIF_B + " (AccessDeniedException: not authorized): its role "
                + "lacks the record statement (TagResource, UntagResource, DescribeTags) for this VIF's ARN; redeploy "
                + "with it in VifList");
        // The denied read of all three, then each alone to say which.
        assertThat(aws.calls("DescribeTags")).containsExactly("DescribeTags " + VIF_A + "," + VIF_B + "," + VIF_C,
                "DescribeTags " + VIF_A, "DescribeTags " + VIF_B, "DescribeTags " + VIF_C);
        assertThat(aws.calls("TagResource", "UntagResource", "Publish")).isEmpty();
    }

    @Test
    void aFailureOtherThanADenialSaysNothingOfThePermission() {
        aws.failing(Call.DESCRIBE_TAGS);
        Result r = status(noCapacityGuard());
        assertThat(r.preflight().ready()).isTrue();
        assertThat(aws.calls("DescribeTags")).hasSize(1);
    }

    @Test
    void twentyVifsARead() {
        List<String> ids = new ArrayList<>(IntStream.range(0, 45).mapToObj(i -> String.format("dxvif-r%07d", i)).toList());
        ids.forEach(aws::healthy);
        aws.denyingTags(ids.get(44));
        Map<String, String> env = envWith("VIFLIST", String.join(",", ids));
        env.put("MAX_UTILIZATION", "0");
        Result r = status(config(env));
        assertThat(aws.calls("DescribeTags")).extracting(c -> c.split(" ")[1].split(",").length)
                .containsExactly(20, 20, 5, 1, 1, 1, 1, 1);
        assertThat(r.preflight().reasons()).filteredOn(reason -> reason.contains("may not write its records"))
                .singleElement().asString().contains(" on " + ids.get(44) + " (");
    }

    @Test
    void aListedVifDirectConnectDoesNotReturnIsNotAskedFor() {
        aws.vifs.remove(VIF_C);
        status(noCapacityGuard());
        assertThat(aws.calls("DescribeTags")).containsExactly("DescribeTags " + VIF_A + "," + VIF_B);
    }
}
