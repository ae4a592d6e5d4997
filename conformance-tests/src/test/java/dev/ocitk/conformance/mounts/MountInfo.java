package dev.ocitk.conformance.mounts;

import dev.ocitk.conformance.host.Mountinfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * A mount table as {@code /proc/PID/mountinfo} prints it (proc(5)), with what the harness's parser leaves out: the
 * optional fields that carry propagation ({@code shared:N}, {@code master:N}, {@code propagate_from:N},
 * {@code unbindable}) and the per-mount and per-superblock options as sets.
 */
public record MountInfo(List<Line> lines) {

    /**
     * One mount. {@code mountPoint} and {@code root} have the kernel's octal escapes decoded; {@code device} is the
     * {@code major:minor} of the file system (one per superblock, so two devpts instances differ).
     */
    public record Line(int id, int parentId, String device, String root, String mountPoint, Set<String> mountOptions,
                       List<String> optionalFields, String fsType, String source, List<String> superOptions) {

        /** The peer group this mount is shared in, from {@code shared:N}. */
        public OptionalInt sharedPeerGroup() {
            return tagged("shared:");
        }

        /** The peer group this mount receives propagation from, from {@code master:N}. */
        public OptionalInt masterPeerGroup() {
            return tagged("master:");
        }

        public boolean unbindable() {
            return optionalFields.contains("unbindable");
        }

        /** private: no propagation in either direction and bindable. */
        public boolean isPrivate() {
            return sharedPeerGroup().isEmpty() && masterPeerGroup().isEmpty() && !unbindable();
        }

        /** The value of a {@code key=value} superblock option such as tmpfs {@code size} or {@code mode}. */
        public Optional<String> superOption(String key) {
            return superOptions.stream().filter(o -> o.startsWith(key + "=")).map(o -> o.substring(key.length() + 1))
                    .findFirst();
        }

        private OptionalInt tagged(String prefix) {
            return optionalFields.stream().filter(f -> f.startsWith(prefix))
                    .mapToInt(f -> Integer.parseInt(f.substring(prefix.length()))).findFirst();
        }

        @Override
        public String toString() {
            return mountPoint + " " + fsType + " from " + source + " (" + String.join(",", mountOptions) + "; "
                    + (optionalFields.isEmpty() ? "private" : String.join(" ", optionalFields)) + "; "
                    + String.join(",", superOptions) + ")";
        }
    }

    public static MountInfo parse(String text) {
        List<Line> out = new ArrayList<>();
        for (String raw : text.split("\n")) {
            if (raw.isBlank()) continue;
            String[] f = raw.split(" ");
            int sep = Arrays.asList(f).subList(6, f.length).indexOf("-") + 6;
            if (f.length < 10 || sep < 6 || sep + 3 >= f.length) {
                throw new IllegalArgumentException("malformed mountinfo line: " + raw);
            }
            out.add(new Line(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], unescape(f[3]), unescape(f[4]),
                    new TreeSet<>(List.of(f[5].split(","))), List.of(Arrays.copyOfRange(f, 6, sep)), f[sep + 1],
                    unescape(f[sep + 2]), List.of(f[sep + 3].split(","))));
        }
        return new MountInfo(List.copyOf(out));
    }

    /** The mount visible at {@code mountPoint}: the last (topmost) one listed there. */
    public Optional<Line> at(String mountPoint) {
        Line found = null;
        for (Line l : lines) if (l.mountPoint.equals(mountPoint)) found = l;
        return Optional.ofNullable(found);
    }

    /** Every mount at {@code mountPoint}, bottom first. */
    public List<Line> allAt(String mountPoint) {
        return lines.stream().filter(l -> l.mountPoint.equals(mountPoint)).toList();
    }

    /** Mounts at or below {@code dir}. */
    public List<Line> under(String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        return lines.stream().filter(l -> l.mountPoint.equals(dir) || l.mountPoint.startsWith(prefix)).toList();
    }

    /** Decodes the kernel's {@code \ooo} escapes, as the harness's parser does. */
    static String unescape(String s) {
        return Mountinfo.unescape(s);
    }
}
