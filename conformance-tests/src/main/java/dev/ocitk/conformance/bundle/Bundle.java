package dev.ocitk.conformance.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocitk.conformance.Await;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A bundle on disk (bundle.md): a directory with {@code config.json} and its own {@code rootfs}. Also holds the
 * files the harness uses to observe the container: the out directory probes write to, and the stdout and stderr
 * files passed to the runtime at create.
 *
 * @param dir         absolute bundle directory
 * @param containerId the ID the harness uses for the container made from this bundle by default
 * @param cgroupsPath the flat, unique {@code linux.cgroupsPath} written into the config, empty if removed
 */
public record Bundle(Path dir, String containerId, Optional<String> cgroupsPath) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Path configFile() {
        return dir.resolve("config.json");
    }

    public Path rootfs() {
        return dir.resolve("rootfs");
    }

    /** Host side of {@link RootfsTemplate#OUT_DIR}. */
    public Path outDir() {
        return rootfs().resolve(RootfsTemplate.OUT_DIR.substring(1));
    }

    /** Where the container's stdout goes when created through the harness. */
    public Path stdoutFile() {
        return dir.resolve("stdio.out");
    }

    public Path stderrFile() {
        return dir.resolve("stdio.err");
    }

    public Path pidFile() {
        return dir.resolve("container.pid");
    }

    /** Lets a program blocked in {@link Shell#awaitRelease()} go on (and exit). */
    public void release() {
        Path file = rootfs().resolve(Shell.RELEASE_FILE.substring(1));
        try {
            Files.writeString(file, "go\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes the release file again, so a program that runs {@link Shell#awaitRelease()} a second time blocks. */
    public void resetRelease() {
        try {
            Files.deleteIfExists(rootfs().resolve(Shell.RELEASE_FILE.substring(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Contents of an out file a probe wrote, or empty when it does not exist. */
    public Optional<String> out(String name) {
        Path p = outDir().resolve(name);
        try {
            return Files.exists(p) ? Optional.of(Files.readString(p)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits (up to {@link Await#DEFAULT_TIMEOUT}) until a probe has written a complete line to the out file and
     * returns the contents. Presence alone is not enough: the shell creates the file before it writes to it.
     */
    public String awaitOut(String name) {
        return Await.until("the container to write a line to " + RootfsTemplate.OUT_DIR + "/" + name,
                () -> out(name), o -> o.filter(s -> s.endsWith("\n")).isPresent()).orElseThrow();
    }

    /** Lines of an out file, empty list when it does not exist. */
    public List<String> outLines(String name) {
        return out(name).map(s -> s.lines().toList()).orElse(List.of());
    }

    /** What the container wrote to the stdout file so far. */
    public String stdout() {
        return readOrEmpty(stdoutFile());
    }

    public String stderr() {
        return readOrEmpty(stderrFile());
    }

    /** The config.json currently on disk. */
    public ObjectNode config() {
        try {
            return (ObjectNode) JSON.readTree(configFile().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + configFile() + ": " + e.getMessage(), e);
        }
    }

    /** Edits config.json in place, without validation: for tests that change a bundle after create. */
    public void rewriteConfig(Consumer<ObjectNode> edit) {
        ObjectNode config = config();
        edit.accept(config);
        try {
            Files.writeString(configFile(), JSON.writeValueAsString(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + configFile() + ": " + e.getMessage(), e);
        }
    }

    private static String readOrEmpty(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}
