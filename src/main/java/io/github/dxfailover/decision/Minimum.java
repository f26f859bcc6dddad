package io.github.dxfailover.decision;

import io.github.dxfailover.config.FailoverConfig;

/**
 * MINVIFS, the healthy VIFs that must remain, and every comparison against it (docs/behaviour.md §4 step 4, §13, §14,
 * §16, §17, §18, §19): the one place that says what "at the minimum", "below it" and "can be taken out" mean.
 *
 * @param vifs MINVIFS
 */
public record Minimum(int vifs) {
    public Minimum {
        if (vifs < 1) {
            throw new IllegalArgumentException("expected MINVIFS >= 1, found " + vifs);
        }
    }

    /** The configured MINVIFS: the one place outside the configuration that reads it. */
    public static Minimum of(FailoverConfig config) {
        return new Minimum(config.minVifs());
    }

    /** A VIF may be taken out only while more than MINVIFS are healthy: exactly MINVIFS holds them all (§4). */
    public boolean allowsTakingOut(long healthy) {
        return healthy > vifs;
    }

    /** Fewer than MINVIFS healthy: the network is below its minimum, and tests are given back (§19). */
    public boolean isBelow(long healthy) {
        return healthy < vifs;
    }

    /** How many VIFs must come back to reach MINVIFS; 0 when the minimum holds (§19). */
    public long missing(long healthy) {
        return Math.max(0, vifs - healthy);
    }

    /** How many of the healthy VIFs could be taken out now, one after the other (§14). */
    public long spare(long healthy) {
        return Math.max(0, healthy - vifs);
    }

    /** Healthy VIFs over the minimum, negative below it: the metric MarginOverMinimum (§11, §19). */
    public long margin(long healthy) {
        return healthy - vifs;
    }

    /** A group with at most MINVIFS VIFs could never take one out (§18): status says so. */
    public boolean tooFewToTakeOut(int managed) {
        return managed < vifs + 1;
    }
}
