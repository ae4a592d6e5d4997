package dev.ocitk.validator.bench;

import dev.ocitk.validator.OciValidator;
import dev.ocitk.validator.ValidationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Throughput of the validator in one warm JVM: config documents per second ({@link #validateConfig}, no file
 * system) and bundles per second ({@link #lintBundle}: read config.json, schema, rules, rootfs and PATH lookups).
 * The inputs are a runc-style Linux config and the same config as a bundle with a one-binary rootfs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ValidatorBenchmark {

    private final OciValidator validator = OciValidator.create();
    private String config;
    private Path bundle;

    @Setup
    public void setUp() throws IOException {
        try (InputStream in = ValidatorBenchmark.class.getResourceAsStream("/fixtures/config/linux.json")) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        bundle = Files.createTempDirectory("oci-validate-bench");
        Files.writeString(bundle.resolve("config.json"), config);
        Path sh = Files.createDirectories(bundle.resolve("rootfs/bin")).resolve("sh");
        Files.writeString(sh, "#!/bin/sh\n");
        Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwxr-xr-x"));
        // The fixture must lint clean, or the benchmark would measure error paths.
        ValidationReport r = validator.lintBundle(bundle);
        if (!r.findings().isEmpty()) {
            throw new IllegalStateException("benchmark bundle is not clean: " + r.findings());
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(bundle)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public ValidationReport validateConfig() {
        return validator.validateConfig(config);
    }

    @Benchmark
    public ValidationReport lintBundle() {
        return validator.lintBundle(bundle);
    }
}
