package io.github.dxfailover.config;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A variable the function does not read whose name looks like one it does (docs/behaviour.md §5): a misspelt
 * {@code DRY_RUN} would otherwise arm the function without a word. Names are compared in capitals with {@code _},
 * {@code -} and spaces removed: equal, or at most two letters apart when the name the function reads has five or more
 * letters. Names Lambda and the JVM set are never compared.
 */
public final class LookAlikes {
    private static final List<String> PLATFORM_PREFIXES = List.of("AWS_", "LAMBDA_", "_HANDLER", "_X_AMZN_", "JAVA_");
    private static final List<String> PLATFORM_NAMES = List.of("TZ", "LANG", "PATH", "LD_LIBRARY_PATH", "CLASSPATH");

    private LookAlikes() {
    }

    /** The name the function reads that {@code name} resembles, when {@code name} is not read and looks like one. */
    public static Optional<String> resembled(String name, Collection<String> read) {
        if (read.contains(name) || PLATFORM_NAMES.contains(name)
                || PLATFORM_PREFIXES.stream().anyMatch(name::startsWith)) {
            return Optional.empty();
        }
        String n = normal(name);
        return read.stream().sorted().filter(r -> {
            String k = normal(r);
            return k.equals(n) || k.length() >= 5 && distance(k, n) <= 2;
        }).findFirst();
    }

    private static String normal(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[_\\- ]", "");
    }

    /** Levenshtein distance (try-locally's hint for an --env name uses it too). */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
