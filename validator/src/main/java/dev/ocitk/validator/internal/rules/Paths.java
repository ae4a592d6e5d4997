package dev.ocitk.validator.internal.rules;

import java.util.regex.Pattern;

/** Path and list syntax shared by several rule sets. */
final class Paths {
    private Paths() {
    }

    // c:\dir, c:/dir, or a UNC / device path (\\server\share, \\?\Volume{...}).
    private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("(?:[A-Za-z]:[\\\\/]|\\\\\\\\).*");
    // "0-3,7": comma-separated CPUs or nodes, with dash ranges (config-linux.md#cpu, config.md#linux-process).
    private static final Pattern CPU_LIST = Pattern.compile("\\d+(?:-\\d+)?(?:,\\d+(?:-\\d+)?)*");

    static boolean isAbsolute(String path, Platform platform) {
        return platform == Platform.WINDOWS ? WINDOWS_ABSOLUTE.matcher(path).matches() : path.startsWith("/");
    }

    /** Null when {@code list} is a valid CPU or node list (empty counts as unset), else why not. */
    static String cpuListProblem(String list) {
        if (list.isEmpty()) {
            return null;
        }
        if (!CPU_LIST.matcher(list).matches()) {
            return "is not a list like 0-3,7 (numbers and ranges separated by commas)";
        }
        for (String part : list.split(",")) {
            int dash = part.indexOf('-');
            if (dash > 0) {
                String lo = part.substring(0, dash);
                String hi = part.substring(dash + 1);
                if (lo.length() > 9 || hi.length() > 9) {
                    return "has a number out of range in " + part;
                }
                if (Integer.parseInt(lo) > Integer.parseInt(hi)) {
                    return "has a descending range " + part;
                }
            }
        }
        return null;
    }
}
