package dev.ocitk.ocirun.linux.jnalog;

import dev.ocitk.ocirun.Log;

/**
 * JNA's logger inside ocirun: WARNING and above become ocirun warnings, the rest debug output.
 * Messages with parameters are formatted as java.util.logging does for the {@code {N}} form.
 */
public final class Logger {
    private final String name;

    private Logger(String name) {
        this.name = name;
    }

    public static Logger getLogger(String name) {
        return new Logger(name);
    }

    public boolean isLoggable(Level level) {
        return level.intValue() >= Level.WARNING.intValue() || Log.debugEnabled();
    }

    public void log(Level level, String msg) {
        publish(level, msg, null);
    }

    public void log(Level level, String msg, Object param) {
        if (isLoggable(level)) {
            publish(level, format(msg, new Object[] {param}), null);
        }
    }

    public void log(Level level, String msg, Object[] params) {
        if (isLoggable(level)) {
            publish(level, format(msg, params), null);
        }
    }

    public void log(Level level, String msg, Throwable thrown) {
        publish(level, msg, thrown);
    }

    private void publish(Level level, String msg, Throwable thrown) {
        if (!isLoggable(level)) {
            return;
        }
        String line = "jna (" + name + "): " + msg + (thrown == null ? "" : ": " + thrown);
        if (level.intValue() >= Level.WARNING.intValue()) {
            Log.warn(line);
        } else {
            Log.debug(line);
        }
    }

    /** Replaces {0}, {1}, ... with the parameters, as MessageFormat does for plain arguments. */
    static String format(String msg, Object[] params) {
        if (msg == null || params == null || msg.indexOf('{') < 0) {
            return msg;
        }
        StringBuilder sb = new StringBuilder(msg.length() + 32);
        int i = 0;
        while (i < msg.length()) {
            char c = msg.charAt(i);
            int close = c == '{' ? msg.indexOf('}', i) : -1;
            if (close > i + 1) {
                int n = index(msg, i + 1, close);
                if (n >= 0 && n < params.length) {
                    sb.append(params[n]);
                    i = close + 1;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    /** The number written in msg[from, to), or -1 if it is not one (no regex, no lambda: start-up cost). */
    private static int index(String msg, int from, int to) {
        if (to - from > 4) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = msg.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
