package io.github.dxfailover.port;

import io.github.dxfailover.decision.Outcome;

/**
 * One SNS message (docs/behaviour.md §7): a subject SNS accepts whatever the alarm name holds, a plain-text body,
 * and the two attributes subscribers filter on.
 */
public record Notification(String subject, String body, Outcome outcome, String vifId) {
    /** SNS: subjects must be under 100 characters. */
    public static final int MAX_SUBJECT = 99;

    public Notification {
        subject = safeSubject(subject);
    }

    /**
     * Printable ASCII only (SNS rejects line breaks and control characters, and documents ASCII as
     * the safe form), white space folded, under 100 characters, starting with a visible character.
     */
    public static String safeSubject(String text) {
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c > 0x20 && c < 0x7F) {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                out.appendCodePoint(c);
                space = false;
            } else if (c <= 0x20 || Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                out.append('?');
                space = false;
            }
        }
        String subject = out.isEmpty() ? "DX failover" : out.toString();
        return subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT - 3) + "...";
    }

    /** SNS attribute values must not be empty. */
    public String vifAttribute() {
        return vifId == null ? "none" : vifId;
    }
}
