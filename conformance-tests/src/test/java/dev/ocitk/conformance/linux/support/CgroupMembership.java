package dev.ocitk.conformance.linux.support;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code /proc/<pid>/cgroup} (cgroups(7)): the hierarchy ID, its controllers (empty for the v2
 * hierarchy, {@code name=systemd} style names included for v1), and the cgroup path as the reader sees it.
 */
public record CgroupMembership(int hierarchyId, List<String> controllers, String path) {

    public CgroupMembership {
        controllers = List.copyOf(controllers);
    }

    /** The unified (v2) hierarchy line: ID 0 and no controllers. */
    public boolean isUnified() {
        return hierarchyId == 0 && controllers.isEmpty();
    }

    static List<CgroupMembership> parse(String text) {
        List<CgroupMembership> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) continue;
            int first = line.indexOf(':');
            int second = line.indexOf(':', first + 1);
            if (first < 0 || second < 0) throw new IllegalArgumentException("malformed cgroup line: " + line);
            String ctl = line.substring(first + 1, second);
            out.add(new CgroupMembership(Integer.parseInt(line.substring(0, first)),
                    ctl.isEmpty() ? List.of() : List.of(ctl.split(",")), line.substring(second + 1)));
        }
        return out;
    }
}
