package dev.ocitk.conformance.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocitk.conformance.bundle.BundleBuilder;
import dev.ocitk.conformance.bundle.RootfsTemplate;
import dev.ocitk.conformance.catalogue.RequirementCatalogue;
import dev.ocitk.conformance.host.CgroupHierarchies;
import dev.ocitk.conformance.host.HostFacts;
import dev.ocitk.conformance.host.MountTables;
import dev.ocitk.conformance.host.Mountinfo;
import dev.ocitk.conformance.leak.LeakCheck;
import dev.ocitk.conformance.report.SessionFile;
import dev.ocitk.conformance.runtime.CommandRunner;
import dev.ocitk.conformance.runtime.RuntimeClient;
import dev.ocitk.conformance.runtime.RuntimeInfo;
import dev.ocitk.conformance.runtime.RuntimePreflight;
import dev.ocitk.conformance.runtime.RuntimeSettings;
import dev.ocitk.conformance.verdict.Baseline;
import dev.ocitk.conformance.verdict.BaselineEntry;
import dev.ocitk.conformance.verdict.SuiteError;
import dev.ocitk.conformance.verdict.Verdicts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Everything one suite run shares: settings, the runtime client with its private {@code --root}, the rootfs
 * template, catalogue, baseline and verdict rules, and a scratch directory removed at the end. Lives in the JUnit
 * root store, so it is made once per run (also when several launches run in one JVM) and closed after the last test.
 */
final class SuiteSession implements AutoCloseable {

    final RuntimeSettings settings;
    final RuntimeInfo info;
    final RuntimeClient client;
    final CommandRunner runner;
    final Path workDir;
    final RootfsTemplate template;
    final RequirementCatalogue catalogue;
    final Verdicts verdicts;
    final LeakCheck leakCheck;
    final MountTables mounts;
    final CgroupHierarchies cgroups;
    final HostFacts host;
    final ConfigValidation validation;
    final String runToken;
    private final AtomicLong counter = new AtomicLong();
    private final Thread emergencyCleanup = new Thread(this::removeEverything, "ocitk-conformance-cleanup");

    private SuiteSession(RuntimeSettings settings, RuntimeInfo info, RuntimeClient client, CommandRunner runner,
                         Path workDir, RootfsTemplate template, RequirementCatalogue catalogue, Verdicts verdicts,
                         MountTables mounts, CgroupHierarchies cgroups, ConfigValidation validation, String runToken) {
        this.settings = settings;
        this.info = info;
        this.client = client;
        this.runner = runner;
        this.workDir = workDir;
        this.template = template;
        this.catalogue = catalogue;
        this.verdicts = verdicts;
        this.mounts = mounts;
        this.cgroups = cgroups;
        this.validation = validation;
        this.runToken = runToken;
        this.leakCheck = new LeakCheck(client.stateRoot(), mounts, cgroups);
        this.host = new HostFacts(cgroups, settings.mountNamespace());
        Runtime.getRuntime().addShutdownHook(emergencyCleanup);
    }

    static SuiteSession start(Function<String, Optional<String>> config, ClassLoader testClasses) {
        RuntimeSettings settings = RuntimeSettings.from(config);
        RuntimePreflight.check(settings.binary()).ifPresent(problem -> {
            throw new SuiteError(problem);
        });
        RequirementCatalogue catalogue = RequirementCatalogue.load(testClasses);
        String token = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        Path workDir;
        try {
            workDir = Files.createDirectories(settings.workBase()).resolve("ocitk-conformance-" + token);
            Files.createDirectories(workDir.resolve("root"));
            Files.createDirectories(workDir.resolve("bundles"));
        } catch (IOException e) {
            throw new SuiteError("cannot create the suite's work directory under " + settings.workBase() + ": " + e.getMessage(), e);
        }
        CommandRunner runner = new CommandRunner(workDir.resolve("calls"));
        RuntimeClient client = new RuntimeClient(settings.binary(), settings.globalArgs(), workDir.resolve("root"),
                settings.callTimeout(), runner);
        try {
            RuntimeInfo info;
            try {
                info = RuntimeInfo.detect(client, settings);
            } catch (IllegalStateException e) {
                throw new SuiteError(e.getMessage(), e);
            }
            Baseline baseline = chooseBaseline(settings, info, catalogue, testClasses);
            Verdicts verdicts = new Verdicts(baseline, info.ociVersion(), settings.strict());
            RootfsTemplate template = RootfsTemplate.build(
                    Path.of(config.apply("conformance.busybox").filter(s -> !s.isBlank()).orElse("/bin/busybox")),
                    workDir.resolve("rootfs-template"));
            MountTables mounts = new MountTables(settings.mountNamespace(), runner);
            CgroupHierarchies cgroups = CgroupHierarchies.of(Mountinfo.self());
            ObjectNode sample = new BundleBuilder(workDir.resolve("sample"), "sample", info.ociVersion().toString(),
                    template, b -> { }, b -> { }).configSnapshot();
            ConfigValidation validation = new ConfigValidation(sample.toString());
            SuiteSession session = new SuiteSession(settings, info, client, runner, workDir, template, catalogue,
                    verdicts, mounts, cgroups, validation, token);
            SessionFile.write(settings.reportDir(), session.describe(List.of()));
            return session;
        } catch (RuntimeException e) {
            deleteQuietly(workDir);
            throw e;
        }
    }

    private static Baseline chooseBaseline(RuntimeSettings settings, RuntimeInfo info, RequirementCatalogue catalogue,
                                           ClassLoader testClasses) {
        String choice = settings.expectations().orElse("");
        if (choice.equals("none")) return Baseline.none();
        if (choice.isEmpty()) {
            Path auto = settings.expectationsRoot().resolve(info.baselineName());
            return Files.isDirectory(auto) ? Baseline.load(auto, catalogue, testClasses) : Baseline.none();
        }
        Path dir = settings.expectationsRoot().resolve(choice);
        return Baseline.load(dir, catalogue, testClasses);
    }

    /** A container ID unique on this host for this run: {@code ocitk-<run token>-<n>}. */
    String newContainerId() {
        return "ocitk-" + runToken + "-" + counter.incrementAndGet();
    }

    Path bundleDir(String containerId) {
        return workDir.resolve("bundles").resolve(containerId);
    }

    /** Session facts for the summary and results file. */
    ObjectNode describe(List<BaselineEntry> unusedBaselineEntries) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("runtime", settings.binary().toString());
        n.put("runtimeArgs", String.join(" ", settings.globalArgs()));
        n.put("name", info.name());
        n.put("version", info.version());
        n.put("versionText", info.versionText());
        n.put("ociVersion", info.ociVersion().toString());
        n.put("ociVersionSource", info.ociVersionSource());
        n.put("hasFeatures", info.features().isPresent());
        n.put("baseline", verdicts.baseline().dir().map(Path::toString).orElse("none"));
        n.put("strict", settings.strict());
        n.put("validator", validation.unavailableReason().orElse("on"));
        settings.mountNamespace().ifPresent(ns -> n.put("runtimeMountNamespace", ns.toString()));
        var unused = n.putArray("unusedBaselineEntries");
        unusedBaselineEntries.forEach(e -> unused.add(e.describe()));
        return n;
    }

    /**
     * Runs when the JVM is stopped mid-run (Ctrl-C, a killed fork): force-deletes every container left in the
     * private root, so an interrupted run does not leave containers, cgroups and mounts on the host.
     */
    private void removeEverything() {
        try (Stream<Path> entries = Files.list(client.stateRoot())) {
            entries.map(p -> p.getFileName().toString()).forEach(id -> client.delete(id, true));
        } catch (IOException | RuntimeException ignored) {
            // best effort while the JVM goes down
        }
        if (mounts.mountsUnder(workDir).isEmpty()) deleteQuietly(workDir);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(emergencyCleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it does the same work
        }
        List<String> problems = new ArrayList<>();
        List<MountTables.Located> left = mounts.mountsUnder(workDir);
        if (!left.isEmpty()) {
            problems.addAll(mounts.unmountAll(left));
        }
        try (Stream<Path> entries = Files.list(client.stateRoot())) {
            entries.forEach(e -> System.err.println("ocitk conformance: state entry left in --root: " + e));
        } catch (IOException ignored) {
            // nothing to report if the root is already gone
        }
        if (problems.isEmpty() && mounts.mountsUnder(workDir).isEmpty()) {
            deleteQuietly(workDir);
        } else {
            System.err.println("ocitk conformance: kept " + workDir + " because mounts remain under it:\n  "
                    + String.join("\n  ", problems));
        }
        SessionFile.write(settings.reportDir(), describe(verdicts.baseline().unused()));
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("ocitk conformance: cannot remove " + dir + ": " + e.getMessage());
        }
    }
}
