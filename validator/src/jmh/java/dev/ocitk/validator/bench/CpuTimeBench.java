package dev.ocitk.validator.bench;

import dev.ocitk.validator.OciValidator;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The CPU time one validation costs, measured with the thread's CPU clock: unlike JMH's wall-clock throughput it
 * does not depend on what else the machine runs, so figures taken on a busy CI host stay comparable. Same inputs as
 * {@link ValidatorBenchmark}. Prints one line per operation: microseconds of CPU per operation and operations per
 * CPU-second.
 */
public final class CpuTimeBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimeBench() {
    }

    public static void main(String[] args) throws IOException {
        OciValidator validator = OciValidator.create();
        String config;
        try (InputStream in = CpuTimeBench.class.getResourceAsStream("/fixtures/config/linux.json")) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path bundle = Files.createTempDirectory("oci-validate-cpubench");
        try {
            Files.writeString(bundle.resolve("config.json"), config);
            Path sh = Files.createDirectories(bundle.resolve("rootfs/bin")).resolve("sh");
            Files.writeString(sh, "#!/bin/sh\n");
            Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwxr-xr-x"));
            measure("validateConfig", () -> validator.validateConfig(config));
            measure("lintBundle", () -> validator.lintBundle(bundle));
        } finally {
            try (Stream<Path> files = Files.walk(bundle)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void measure(String name, Supplier<?> op) {
        for (int i = 0; i < 30_000; i++) {
            op.get();
        }
        int n = 30_000;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            op.get();
        }
        double microsPerOp = (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / n;
        System.out.printf("%s %.1f %.0f%n", name, microsPerOp, 1e6 / microsPerOp);
    }
}
