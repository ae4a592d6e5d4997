package dev.ocitk.ocirun.init;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the init process: a second JVM running {@link InitMain} on the same class
 * path and with the same start-up options as this one (the launcher passes them in the system
 * property {@code ocirun.jvm.options}, including the AppCDS archive), and a UTF-8 locale so file
 * names convert the same way in both JVMs.
 */
public final class InitLauncher {
    /** Used when the launcher did not pass its options (tests, a plain java -jar). */
    static final List<String> DEFAULT_OPTIONS = List.of(
            "-Xint", "-XX:+UseSerialGC", "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0",
            "-XX:-UsePerfData", "-Xshare:auto",
            "-XX:-UseContainerSupport", "-XX:+DisableAttachMechanism", "-XX:ErrorFile=/dev/null", "-Xss512k", "-Xlog:disable",
            "-Xlog:all=off", "-Dfile.encoding=UTF-8", "-Dsun.jnu.encoding=UTF-8");

    private InitLauncher() {}

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static List<String> argv(int syncFd) {
        List<String> argv = new ArrayList<>();
        argv.add(javaBinary());
        String opts = System.getProperty("ocirun.jvm.options");
        if (opts != null && !opts.isBlank()) {
            // Split on blanks by hand: a regex would cost create its set-up just before the spawn.
            int i = 0;
            while (i < opts.length()) {
                while (i < opts.length() && Character.isWhitespace(opts.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < opts.length() && !Character.isWhitespace(opts.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    argv.add(opts.substring(start, i));
                }
            }
        } else {
            argv.addAll(DEFAULT_OPTIONS);
        }
        for (String p : List.of("jna.boot.library.path", "jna.nounpack", "jna.nosys")) {
            String v = System.getProperty(p);
            if (v != null) {
                argv.add("-D" + p + "=" + v);
            }
        }
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add(InitMain.class.getName());
        argv.add(Integer.toString(syncFd));
        return argv;
    }

    public static List<String> env() {
        List<String> env = new ArrayList<>(List.of("LC_ALL=C.UTF-8", "LANG=C.UTF-8"));
        if (System.getenv("OCIRUN_TIMING") != null) {
            env.add("OCIRUN_TIMING=1");
        }
        return env;
    }
}
