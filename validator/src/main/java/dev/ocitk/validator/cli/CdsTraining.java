package dev.ocitk.validator.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The workload the build runs once with {@code -XX:ArchiveClassesAtExit} to produce the AppCDS archive
 * {@code bin/oci-validate} starts with: every subcommand and output format on small documents, so the archive holds
 * the classes a real run loads. Writes nothing and leaves nothing behind.
 */
public final class CdsTraining {

    private static final String CONFIG = """
            {"ociVersion": "1.3.0", "root": {"path": "rootfs", "readOnly": true},
             "process": {"args": ["sh"], "cwd": "/", "user": {"uid": 0, "gid": 0}, "env": ["PATH=/bin"],
              "capabilities": {"ambient": ["CAP_KILL"]}},
             "mounts": [{"destination": "/data", "source": "data", "options": ["bind", "nosiud"]}],
             "hooks": {"poststart": [{"path": "/bin/true"}]},
             "annotations": {"key": "value"},
             "linux": {"namespaces": [{"type": "pid"}, {"type": "pid"}], "sysctl": {"net.core.somaxconn": "1"},
              "resources": {"memory": {"limit": 2, "swap": 1}}, "seccomp": {"defaultAction": "SCMP_ACT_KILL"}}}
            """;
    private static final String STATE = """
            {"ociVersion": "1.3.0", "id": "x", "status": "running", "bundle": "b"}
            """;
    private static final String FEATURES = """
            {"ociVersionMin": "1.0.0", "ociVersionMax": "1.3.0", "hooks": ["prestart"], "linux": {"x": 1}}
            """;

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path bundle = Files.createTempDirectory("oci-validate-cds");
        try {
            Files.writeString(bundle.resolve("config.json"), CONFIG);
            Files.createDirectories(bundle.resolve("rootfs/bin"));
            Path config = bundle.resolve("config.json");
            for (OciValidateCommand.Format format : OciValidateCommand.Format.values()) {
                String f = "--format=" + format;
                run(null, f, "bundle", bundle.toString(), bundle.resolve("missing").toString());
                run(null, f, "config", config.toString());
                run(STATE, f, "state", "-");
                run(FEATURES, f, "features", "-");
            }
            run(null, "rules");
            run(null, "--help");
            run(null, "bundle", "--no-such-option");
        } finally {
            try (Stream<Path> files = Files.walk(bundle)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    private static void run(String stdin, String... args) {
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
        byte[] in = stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8);
        OciValidateCommand.run(new ByteArrayInputStream(in), sink, sink, args);
    }
}
