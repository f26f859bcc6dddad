package io.github.dxfailover.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every comparison against MINVIFS, as a table (docs/behaviour.md §4, §14, §17, §18, §19). */
class MinimumTest {
    @ParameterizedTest(name = "MINVIFS {0}, {1} healthy: take out {2}, below {3}, missing {4}, spare {5}, margin {6}")
    @CsvSource({
            "1, 0, false, true,  1, 0, -1",
            "1, 1, false, false, 0, 0, 0",
            "1, 2, true,  false, 0, 1, 1",
            "2, 1, false, true,  1, 0, -1",
            "2, 2, false, false, 0, 0, 0",
            "2, 5, true,  false, 0, 3, 3",
            "3, 0, false, true,  3, 0, -3"})
    void comparesTheHealthyVifsWithTheMinimum(int vifs, long healthy, boolean takeOut, boolean below, long missing,
                                              long spare, long margin) {
        Minimum m = new Minimum(vifs);
        assertThat(m.allowsTakingOut(healthy)).isEqualTo(takeOut);
        assertThat(m.isBelow(healthy)).isEqualTo(below);
        assertThat(m.missing(healthy)).isEqualTo(missing);
        assertThat(m.spare(healthy)).isEqualTo(spare);
        assertThat(m.margin(healthy)).isEqualTo(margin);
    }

    @ParameterizedTest(name = "MINVIFS {0}, {1} managed: too few {2}")
    @CsvSource({"1, 1, true", "1, 2, false", "2, 2, true", "2, 3, false", "3, 0, true"})
    void aGroupNeedsMoreThanTheMinimumToTakeOneOut(int vifs, int managed, boolean tooFew) {
        assertThat(new Minimum(vifs).tooFewToTakeOut(managed)).isEqualTo(tooFew);
    }

    @ParameterizedTest
    @CsvSource({"0", "-1"})
    void aMinimumBelowOneIsRefusedWithWhatWasFound(int vifs) {
        assertThatThrownBy(() -> new Minimum(vifs)).hasMessage("expected MINVIFS >= 1, found " + vifs);
    }
}
