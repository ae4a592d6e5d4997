package dev.ocitk.conformance.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parser for {@code mountinfo} files (proc(5)). */
public final class Mountinfo {

    private Mountinfo() {
    }

    /** The calling process's mount table. */
    public static List<MountEntry> self() {
        return read(Path.of("/proc/self/mountinfo"));
    }

    public static List<MountEntry> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<MountEntry> parse(String text) {
        List<MountEntry> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) continue;
            String[] f = line.split(" ");
            int sep = indexOf(f, "-");
            if (f.length < 10 || sep < 6 || sep + 3 >= f.length) {
                throw new IllegalArgumentException("malformed mountinfo line: " + line);
            }
            out.add(new MountEntry(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Path.of(unescape(f[4])),
                    unescape(f[3]), f[5], f[sep + 1], unescape(f[sep + 2]), f[sep + 3]));
        }
        return out;
    }

    private static int indexOf(String[] f, String s) {
        for (int i = 6; i < f.length; i++) if (f[i].equals(s)) return i;
        return -1;
    }

    /** Decodes the kernel's {@code \ooo} escapes (space, tab, newline, backslash) in a mountinfo field. */
    public static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
