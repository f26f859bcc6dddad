package io.github.dxfailover.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lines for a phone (docs/behaviour.md §7): at most 100 characters, cut at a space. */
class LinesTest {
    @Test
    void aLineOneCharacterTooLongWhoseLastCharacterIsASpaceLosesOnlyTheSpace() {
        String text = "a".repeat(60) + " " + "b".repeat(39);
        assertThat(Lines.wrap(text + " ")).first().isEqualTo(text);
    }

    @Test
    void aPercentStaysWithItsNumber() {
        String text = "c".repeat(96) + " 80 %";
        assertThat(Lines.wrap(text)).containsExactly("c".repeat(96), "    80 %");
    }
}
