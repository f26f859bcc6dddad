package io.github.dxfailover.config;

import java.util.regex.Pattern;

/**
 * What a Direct Connect virtual interface ID looks like (docs/behaviour.md §3): {@code dxvif-}
 * followed by 8 or more lowercase letters or digits. IDs stay plain strings, as in the SDK and the
 * result; this class holds the one rule that says which strings are IDs.
 */
public final class VifId {
    public static final String EXPECTED = "dxvif- followed by 8 or more lowercase letters or digits";
    private static final Pattern PATTERN = Pattern.compile("dxvif-[a-z0-9]{8,}");

    private VifId() {
    }

    public static boolean isValid(String text) {
        return text != null && PATTERN.matcher(text).matches();
    }
}
