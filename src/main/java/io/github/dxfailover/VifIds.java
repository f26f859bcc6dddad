package io.github.dxfailover;

import java.util.regex.Pattern;

/** What a Direct Connect virtual interface ID looks like (§3). */
final class VifIds {
    private static final Pattern VIF_ID = Pattern.compile("dxvif-[a-z0-9]{8,}");

    private VifIds() {
    }

    static boolean isVifId(String text) {
        return text != null && VIF_ID.matcher(text).matches();
    }
}
