package dev.ocitk.ocirun;

import dev.ocitk.ocirun.spec.JsonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * ocirun's log, in the two formats runc callers parse: logrus-style text or one JSON object per
 * line ({@code {"level":...,"msg":...,"time":...}}, what containerd reads after a failure).
 * Errors always go to stderr as one line as well; warnings go to the log file when there is one,
 * else to stderr (runtime.md#warnings leaves the channel to the runtime).
 */
public final class Log {
    public enum Format { TEXT, JSON }

    private static volatile Path file;
    private static volatile Format format = Format.TEXT;
    private static volatile boolean debug;

    private Log() {}

    public static void configure(Path logFile, Format logFormat, boolean debugEnabled) {
        file = logFile;
        format = logFormat;
        debug = debugEnabled;
    }

    public static void error(String msg) {
        System.err.println("ocirun: " + msg);
        System.err.flush();
        if (file != null) {
            append("error", msg);
        }
    }

    public static void warn(String msg) {
        if (file != null) {
            append("warning", msg);
        } else {
            System.err.println("ocirun: warning: " + msg);
        }
    }

    /** Whether debug messages are written (--debug with --log). */
    public static boolean debugEnabled() {
        return debug && file != null;
    }

    public static void debug(String msg) {
        if (debug && file != null) {
            append("debug", msg);
        }
    }

    private static void append(String level, String msg) {
        String time = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        String line = format == Format.JSON
                ? "{\"level\":\"" + level + "\",\"msg\":" + quote(msg) + ",\"time\":\"" + time + "\"}\n"
                : "time=\"" + time + "\" level=" + level + " msg=" + quote(msg) + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            System.err.println("ocirun: cannot write log " + file + ": " + e.getMessage());
        }
    }

    /** A JSON string literal; also valid as a logrus quoted value. */
    public static String quote(String s) {
        return JsonText.quote(new StringBuilder(s.length() + 2), s).toString();
    }
}
