package dev.ocitk.conformance.junit;

import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.BundleBuilder;
import dev.ocitk.conformance.bundle.RootfsTemplate;
import dev.ocitk.conformance.catalogue.CatalogueEntry;
import dev.ocitk.conformance.host.CgroupHierarchies;
import dev.ocitk.conformance.host.HostFacts;
import dev.ocitk.conformance.leak.ContainerTracker;
import dev.ocitk.conformance.leak.Leak;
import dev.ocitk.conformance.runtime.RuntimeClient;
import dev.ocitk.conformance.runtime.RuntimeInfo;
import dev.ocitk.conformance.verdict.Baseline;
import dev.ocitk.conformance.verdict.SuiteError;
import dev.ocitk.conformance.verdict.TestId;
import dev.ocitk.validator.ValidationReport;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The harness's JUnit glue. Before each test it checks the test's {@link Requirement} IDs against the catalogue
 * and prepares a {@link RuntimeUnderTest}. It judges a failure against the catalogue and baseline
 * ({@link dev.ocitk.conformance.verdict.Verdicts}). After each test it force-deletes the test's containers, runs
 * the leak check (a leak fails the test and is then removed), removes the test's bundles and reports a baselined
 * test that passed as an unexpected pass. A callback, not a {@code TestWatcher}, so leaks can fail the test.
 */
public final class ConformanceExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver,
        TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ConformanceExtension.class);

    /** Holds the session or the reason it could not start, so a broken setup is reported once per test, not retried. */
    private record SessionHolder(SuiteSession session, RuntimeException failure) implements AutoCloseable {
        SuiteSession get() {
            if (failure != null) throw failure;
            return session;
        }

        @Override
        public void close() {
            if (session != null) session.close();
        }
    }

    /** Per-test state kept in the method-level store. */
    private record TestState(String testId, List<CatalogueEntry> requirements, ContainerTracker tracker,
                             RuntimeUnderTest runtime, Path scratchDir) {
    }

    static SuiteSession session(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent(SessionHolder.class, key -> {
            try {
                return new SessionHolder(SuiteSession.start(context::getConfigurationParameter,
                        Thread.currentThread().getContextClassLoader()), null);
            } catch (RuntimeException e) {
                return new SessionHolder(null, e);
            }
        }, SessionHolder.class).get();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        state(context);
    }

    private TestState state(ExtensionContext context) {
        return context.getStore(NS).getOrComputeIfAbsent(TestState.class, key -> newTestState(context), TestState.class);
    }

    private TestState newTestState(ExtensionContext context) {
        SuiteSession session = session(context);
        Method method = context.getRequiredTestMethod();
        String testId = TestId.of(context.getRequiredTestClass(), method);
        Requirement annotation = method.getAnnotation(Requirement.class);
        if (annotation == null || annotation.value().length == 0) {
            throw new SuiteError(testId + " has no @Requirement: every conformance test names the requirements it checks");
        }
        List<CatalogueEntry> requirements = Arrays.stream(annotation.value())
                .map(id -> session.catalogue.require(id, testId)).toList();
        ContainerTracker tracker = new ContainerTracker();
        Path scratch = session.workDir.resolve("scratch").resolve(session.newContainerId());
        RuntimeUnderTest runtime = new RuntimeUnderTest(services(session), tracker,
                (k, v) -> context.publishReportEntry(Map.of("observation." + k, v)), scratch);
        return new TestState(testId, requirements, tracker, runtime, scratch);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == RuntimeUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        return state(context).runtime();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        TestState state = state(context);
        throw session(context).verdicts.judgeFailure(state.testId(), state.requirements(), throwable);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        TestState state = context.getStore(NS).get(TestState.class, TestState.class);
        if (state == null) {
            return; // beforeEach failed (suite error already reported): the test made nothing
        }
        SuiteSession session = session(context);
        ContainerCleanup.removeContainers(session.client, state.tracker());
        List<Leak> leaks = session.leakCheck.scan(state.tracker());
        List<String> cleanupProblems = leaks.isEmpty() ? List.of() : session.leakCheck.clean(state.tracker());
        List<String> keptDirs = new ArrayList<>();
        for (ContainerTracker.TrackedBundle b : state.tracker().bundles()) {
            ContainerCleanup.removeDirectory(session.mounts, b.dir()).ifPresent(keptDirs::add);
        }
        ContainerCleanup.removeDirectory(session.mounts, state.scratchDir()).ifPresent(keptDirs::add);
        if (!leaks.isEmpty()) {
            List<String> problems = new ArrayList<>(cleanupProblems);
            problems.addAll(keptDirs);
            CatalogueEntry leakRequirement = session.catalogue.require(Baseline.LEAK_REQUIREMENT, "the leak check");
            throw asException(session.verdicts.judgeLeaks(state.testId(), leaks, problems, leakRequirement));
        }
        if (!keptDirs.isEmpty()) {
            throw new SuiteError("the harness could not remove its own directories:\n  " + String.join("\n  ", keptDirs));
        }
        if (context.getExecutionException().isEmpty()) {
            Optional<? extends AssertionError> unexpected = session.verdicts.judgePass(state.testId());
            if (unexpected.isPresent()) throw unexpected.get();
        }
    }

    private static Exception asException(Throwable t) {
        if (t instanceof Exception e) return e;
        if (t instanceof Error e) throw e;
        return new RuntimeException(t);
    }

    private static RuntimeUnderTest.Services services(SuiteSession s) {
        return new RuntimeUnderTest.Services() {
            @Override public RuntimeClient client() { return s.client; }
            @Override public RuntimeInfo info() { return s.info; }
            @Override public String newContainerId() { return s.newContainerId(); }
            @Override public Path bundleDir(String containerId) { return s.bundleDir(containerId); }
            @Override public RootfsTemplate template() { return s.template; }
            @Override public BundleBuilder.ConfigCheck configCheck() { return s.validation; }
            @Override public CgroupHierarchies cgroups() { return s.cgroups; }
            @Override public HostFacts host() { return s.host; }
            @Override public Optional<String> validatorUnavailable() { return s.validation.unavailableReason(); }
            @Override public Optional<ValidationReport> validateState(String json) { return s.validation.validateState(json); }
            @Override public Optional<ValidationReport> validateFeatures(String json) { return s.validation.validateFeatures(json); }
            @Override public List<Leak> scanLeaks(ContainerTracker scope) { return s.leakCheck.scan(scope); }
        };
    }
}
