package dev.ocitk.conformance;

import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.bundle.BundleBuilder;
import dev.ocitk.conformance.bundle.RootfsTemplate;
import dev.ocitk.conformance.catalogue.SpecVersion;
import dev.ocitk.conformance.host.CgroupHierarchies;
import dev.ocitk.conformance.host.HostFacts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocitk.conformance.leak.ContainerTracker;
import dev.ocitk.conformance.leak.Leak;
import dev.ocitk.conformance.runtime.CommandResult;
import dev.ocitk.conformance.runtime.ContainerState;
import dev.ocitk.conformance.runtime.RuntimeClient;
import dev.ocitk.conformance.runtime.RuntimeInfo;
import dev.ocitk.conformance.runtime.Stdio;
import dev.ocitk.validator.ValidationReport;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import static dev.ocitk.conformance.RuntimeAssertions.assertSucceeded;

/**
 * The runtime as one test sees it: the operations of runtime.md#operations, bundles, and everything the test
 * makes, tracked so the harness can remove it and check for leaks afterwards. Resolved as a test parameter by the
 * conformance extension; one instance per test.
 */
public final class RuntimeUnderTest {

    /** Suite-wide services the harness hands to each test. */
    public interface Services {
        RuntimeClient client();

        RuntimeInfo info();

        String newContainerId();

        Path bundleDir(String containerId);

        RootfsTemplate template();

        BundleBuilder.ConfigCheck configCheck();

        CgroupHierarchies cgroups();

        HostFacts host();

        Optional<String> validatorUnavailable();

        Optional<ValidationReport> validateState(String json);

        Optional<ValidationReport> validateFeatures(String json);

        List<Leak> scanLeaks(ContainerTracker scope);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Services services;
    private final ContainerTracker tracker;
    private final BiConsumer<String, String> observations;
    private final Path scratchDir;

    public RuntimeUnderTest(Services services, ContainerTracker tracker, BiConsumer<String, String> observations,
                            Path scratchDir) {
        this.services = services;
        this.tracker = tracker;
        this.observations = observations;
        this.scratchDir = scratchDir;
    }

    public RuntimeInfo info() {
        return services.info();
    }

    /** What the host offers (cgroup controllers, capabilities, the runtime's namespaces), for skip decisions. */
    public HostFacts host() {
        return services.host();
    }

    /**
     * The runtime's features document (features.md) when it has a {@code features} command; empty otherwise.
     * A test about something the runtime does not list there should skip with that reason.
     */
    public Optional<JsonNode> features() {
        return services.info().features().map(text -> {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("the runtime's features output is not JSON: " + e.getMessage() + "\n" + text);
            }
        });
    }

    /** The spec version this run writes into configs and judges the runtime against. */
    public SpecVersion ociVersion() {
        return services.info().ociVersion();
    }

    /** A new container ID, unique on this host, tracked for cleanup. */
    public String newId() {
        String id = services.newContainerId();
        tracker.trackId(id);
        return id;
    }

    /** A builder for a fresh bundle; its default container ID is new and tracked. */
    public BundleBuilder bundle() {
        String id = newId();
        Path dir = services.bundleDir(id);
        return new BundleBuilder(dir, id, ociVersion().toString(), services.template(), services.configCheck(),
                this::trackBundle);
    }

    private void trackBundle(Bundle bundle) {
        Set<Path> existing = new HashSet<>();
        bundle.cgroupsPath().ifPresent(p -> services.cgroups().directoriesFor(p).stream()
                .filter(Files::exists).forEach(existing::add));
        tracker.trackBundle(new ContainerTracker.TrackedBundle(bundle.dir(), bundle.cgroupsPath(), Set.copyOf(existing)));
    }

    // ---- create ------------------------------------------------------------------------------------------------

    /** Creates a container from {@code bundle} under the bundle's default ID; fails the test if create errs. */
    public Container create(Bundle bundle) {
        return create(bundle.containerId(), bundle);
    }

    public Container create(String id, Bundle bundle) {
        assertSucceeded(tryCreate(id, bundle), "create of " + id);
        return container(id, bundle);
    }

    /** {@code create} with the bundle's pid file and stdio files; returns the raw result. */
    public CommandResult tryCreate(Bundle bundle) {
        return tryCreate(bundle.containerId(), bundle);
    }

    public CommandResult tryCreate(String id, Bundle bundle) {
        return tryCreate(id, bundle, Stdio.toFiles(bundle.stdoutFile(), bundle.stderrFile()));
    }

    /** {@code create} with explicit stdio (files or fifos), e.g. to stand in for containerd-shim. */
    public CommandResult tryCreate(String id, Bundle bundle, Stdio stdio) {
        tracker.trackId(id);
        CommandResult r = services.client().create(id, bundle.dir(), Optional.of(bundle.pidFile()), stdio);
        container(id, bundle).pidFromPidFile().ifPresent(tracker::trackPid);
        return r;
    }

    /** {@code create} against a path that need not be a bundle (missing directory, a file), without a pid file. */
    public CommandResult tryCreateAt(String id, Path bundleDir) {
        tracker.trackId(id);
        return services.client().create(id, bundleDir, Optional.empty(), Stdio.captured());
    }

    /** A handle on a container this test created (or tried to) with {@code id} from {@code bundle}. */
    public Container container(String id, Bundle bundle) {
        tracker.trackId(id);
        return new Container(this, id, bundle);
    }

    // ---- raw operations (tracked) ---------------------------------------------------------------------------------

    public CommandResult state(String id) {
        tracker.trackId(id);
        return services.client().state(id);
    }

    public CommandResult start(String id) {
        tracker.trackId(id);
        return services.client().start(id);
    }

    public CommandResult kill(String id, Optional<String> signal) {
        tracker.trackId(id);
        return services.client().kill(id, signal);
    }

    public CommandResult delete(String id) {
        tracker.trackId(id);
        return services.client().delete(id, false);
    }

    /** The raw client: calls through it are not tracked, so use it only for verbs without a container. */
    public RuntimeClient client() {
        return services.client();
    }

    /**
     * What the runtime left on the host for container {@code id} from {@code bundle}: a state entry, processes in
     * its cgroups, cgroup directories, mounts under the bundle. For checking that an operation which reported an
     * error left nothing behind (runtime.md#errors). Waits up to {@link dev.ocitk.conformance.leak.LeakCheck#SETTLE}
     * for leftovers to disappear before reporting them.
     */
    public List<Leak> leftoversOf(String id, Bundle bundle) {
        return leftovers(Optional.of(id), bundle);
    }

    /** As {@link #leftoversOf(String, Bundle)}, without a state entry to look for (the ID is another container's). */
    public List<Leak> leftoversOf(Bundle bundle) {
        return leftovers(Optional.empty(), bundle);
    }

    private List<Leak> leftovers(Optional<String> id, Bundle bundle) {
        ContainerTracker scope = new ContainerTracker();
        id.ifPresent(scope::trackId);
        tracker.bundles().stream().filter(b -> b.dir().equals(bundle.dir())).forEach(scope::trackBundle);
        return services.scanLeaks(scope);
    }

    // ---- observation and validation ---------------------------------------------------------------------------

    /** Parses a successful state call, recording its pid for the leak check; fails the test on non-JSON output. */
    public ContainerState parseState(CommandResult stateCall) {
        ContainerState s;
        try {
            s = ContainerState.parse(stateCall.stdout());
        } catch (IllegalArgumentException e) {
            throw new AssertionError(e.getMessage() + "\n" + stateCall.describe());
        }
        s.pid().ifPresent(tracker::trackPid);
        return s;
    }

    /** The validator's findings on a state document; skips the test while the validator is unavailable. */
    public ValidationReport validateState(String json) {
        return services.validateState(json).orElseGet(skip("state", services::validatorUnavailable));
    }

    public ValidationReport validateFeatures(String json) {
        return services.validateFeatures(json).orElseGet(skip("features", services::validatorUnavailable));
    }

    private static <T> Supplier<T> skip(String what, Supplier<Optional<String>> reason) {
        return () -> {
            Assumptions.abort("cannot validate the " + what + " document: " + reason.get().orElse("validator unavailable"));
            return null;
        };
    }

    /**
     * Records an observation for the report without judging it: for behaviour the spec leaves open or words
     * ambiguously (see DESIGN.md, "Assert exactly what the spec says"). A blank value is recorded as
     * {@code (empty)}: JUnit's report entries refuse blank values, and "nothing seen" is itself an observation.
     */
    public void observe(String key, String value) {
        observations.accept(key, value == null || value.isBlank() ? "(empty)" : value);
    }

    /** A directory private to this test (removed afterwards) for fifos, marks written by hooks, and the like. */
    public Path scratchDir() {
        try {
            return Files.createDirectories(scratchDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where in-container probes write; see {@link Bundle#out(String)}. */
    public static String outDir() {
        return RootfsTemplate.OUT_DIR;
    }
}
