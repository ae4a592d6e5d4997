package dev.ocitk.validator.internal.rules;

/** Small helpers for one-line finding messages that quote document values. */
final class Messages {
    private Messages() {
    }

    /** A value quoted in a message: control characters escaped, long values cut, so a message stays one line. */
    static String clip(String value) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < value.length() && s.length() < 80; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        if (s.length() >= 80 && value.length() > 80) {
            s.append("...");
        }
        return s.toString();
    }

    /** {@code "value"} quoted and clipped. */
    static String quote(String value) {
        return "\"" + clip(value) + "\"";
    }
}
