package dev.ocitk.ocirun.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Entries of /proc/PID/mountinfo (proc(5)), with octal escapes in paths decoded. */
public record MountInfo(int id, int parentId, String root, String mountPoint, String options,
                        List<String> optionalFields, String fsType, String source, String superOptions) {

    public static List<MountInfo> readSelf() {
        try {
            return parse(Files.readString(Path.of("/proc/self/mountinfo")));
        } catch (IOException e) {
            throw new dev.ocitk.ocirun.OcirunException("cannot read /proc/self/mountinfo: " + e.getMessage());
        }
    }

    public static List<MountInfo> parse(String text) {
        List<MountInfo> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(" ");
            int sep = -1;
            for (int i = 6; i < f.length; i++) {
                if (f[i].equals("-")) {
                    sep = i;
                    break;
                }
            }
            if (sep < 0 || f.length < sep + 3) {
                continue;
            }
            List<String> optional = new ArrayList<>();
            for (int i = 6; i < sep; i++) {
                optional.add(f[i]);
            }
            out.add(new MountInfo(Integer.parseInt(f[0]), Integer.parseInt(f[1]), unescape(f[3]), unescape(f[4]),
                    f[5], List.copyOf(optional), f[sep + 1], unescape(f[sep + 2]),
                    sep + 3 < f.length ? f[sep + 3] : ""));
        }
        return out;
    }

    /** The last (topmost) mount at exactly {@code mountPoint}. */
    public static Optional<MountInfo> at(List<MountInfo> mounts, String mountPoint) {
        MountInfo found = null;
        for (MountInfo m : mounts) {
            if (m.mountPoint().equals(mountPoint)) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    public List<String> superOptionList() {
        return List.of(superOptions.split(","));
    }

    /** Decodes the \\ooo escapes the kernel writes for space, tab, newline and backslash. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1) && isOctal(s, i + 2) && isOctal(s, i + 3)) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isOctal(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7';
    }
}
