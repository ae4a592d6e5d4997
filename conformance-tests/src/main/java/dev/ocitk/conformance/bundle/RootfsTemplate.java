package dev.ocitk.conformance.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A busybox-static root filesystem built once per run, and cheap per-bundle clones of it: directories and symlinks
 * are recreated, the busybox binary is hard-linked (copied only across file systems). Every bundle gets its own
 * tree, so a container may write marks into it and runtimes may create mount points without racing each other.
 *
 * <p>Layout: {@code /bin/busybox} with one symlink per applet in {@code /bin}, {@code /proc /sys /dev /tmp /etc
 * /root}, an {@code /etc/passwd} and {@code /etc/group} with root and nobody, and {@value #OUT_DIR} (mode 0777)
 * where in-container probes write what they observe.
 */
public final class RootfsTemplate {

    /** Directory inside the container where probes write their observations. */
    public static final String OUT_DIR = "/ocitk/out";

    private final Path dir;

    private RootfsTemplate(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Builds the template at {@code dir} from a statically linked busybox. */
    public static RootfsTemplate build(Path busybox, Path dir) {
        if (!Files.isRegularFile(busybox)) {
            throw new IllegalStateException("busybox not found at " + busybox + " (apt-get install busybox-static, or set -Dconformance.busybox=PATH)");
        }
        try {
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Files.copy(busybox, bin.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
            for (String applet : applets(busybox)) {
                Path link = bin.resolve(applet);
                if (!applet.equals("busybox") && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, Path.of("busybox"));
                }
            }
            for (String d : List.of("proc", "sys", "dev", "etc", "root", "tmp", "ocitk/out")) {
                Files.createDirectories(dir.resolve(d));
            }
            Files.setAttribute(dir.resolve("tmp"), "unix:mode", 01777);
            Files.setAttribute(dir.resolve("ocitk/out"), "unix:mode", 0777);
            Files.writeString(dir.resolve("etc/passwd"),
                    "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
            Files.writeString(dir.resolve("etc/group"), "root:x:0:\nnogroup:x:65534:\n");
            return new RootfsTemplate(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the rootfs template in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Recreates the template under {@code target}, hard-linking regular files. */
    public void cloneTo(Path target) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path src : (Iterable<Path>) walk::iterator) {
                Path dst = target.resolve(dir.relativize(src).toString());
                if (Files.isSymbolicLink(src)) {
                    Files.createSymbolicLink(dst, Files.readSymbolicLink(src));
                } else if (Files.isDirectory(src, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(dst);
                    Files.setAttribute(dst, "unix:mode", Files.getAttribute(src, "unix:mode", LinkOption.NOFOLLOW_LINKS));
                } else {
                    try {
                        Files.createLink(dst, src);
                    } catch (FileSystemException crossDevice) {
                        Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clone the rootfs into " + target + ": " + e.getMessage(), e);
        }
    }

    private static List<String> applets(Path busybox) throws IOException {
        Process p = new ProcessBuilder(busybox.toString(), "--list").redirectErrorStream(true).start();
        List<String> names = new ArrayList<>();
        for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            String name = line.trim();
            if (!name.isEmpty() && !name.contains("/")) names.add(name);
        }
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("`" + busybox + " --list` failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing busybox applets", e);
        }
        return names;
    }
}
