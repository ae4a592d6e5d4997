package dev.ocitk.conformance.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.catalogue.CatalogueEntry;
import dev.ocitk.conformance.catalogue.RequirementCatalogue;
import dev.ocitk.conformance.verdict.TestId;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects every conformance test's verdict and writes {@code results.json} and {@code summary.txt} into the
 * report directory ({@code conformance.reportDir}), then prints the summary. Registered through
 * {@code META-INF/services} of the test class path; does nothing in a run without conformance tests.
 */
public final class ConformanceResultsListener implements TestExecutionListener {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final Map<String, Long> startedNanos = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> observations = new ConcurrentHashMap<>();
    private final Map<String, TestRecord> records = new ConcurrentHashMap<>();
    private volatile TestPlan plan;
    private volatile Path reportDir;
    private volatile long planStartNanos;

    public ConformanceResultsListener() {
        this(System.out);
    }

    ConformanceResultsListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        planStartNanos = System.nanoTime();
        reportDir = Path.of(testPlan.getConfigurationParameters().get("conformance.reportDir")
                .orElse("target/conformance")).toAbsolutePath();
        if (isConformanceRun()) SessionFile.delete(reportDir);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) startedNanos.put(id.getUniqueId(), System.nanoTime());
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        entry.getKeyValuePairs().forEach((k, v) -> {
            if (k.startsWith("observation.")) {
                observations.computeIfAbsent(id.getUniqueId(), x -> new TreeMap<>())
                        .put(k.substring("observation.".length()), v);
            }
        });
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        List<TestIdentifier> tests = new ArrayList<>();
        if (id.isTest()) tests.add(id);
        plan.getDescendants(id).stream().filter(TestIdentifier::isTest).forEach(tests::add);
        for (TestIdentifier t : tests) {
            requirementsOf(t).ifPresent(reqs -> records.put(t.getUniqueId(),
                    record(t, reqs, Outcome.SKIPPED, reason, 0)));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            requirementsOf(id).ifPresent(reqs -> {
                Long start = startedNanos.get(id.getUniqueId());
                long ms = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
                Outcome outcome = Outcome.of(result);
                String reason = result.getThrowable().map(ConformanceResultsListener::firstLines).orElse("");
                records.put(id.getUniqueId(), record(id, reqs, outcome, reason, ms));
            });
        } else if (result.getStatus() == TestExecutionResult.Status.FAILED && isConformanceContainer(id)) {
            // a class-level failure: its tests never ran, so the container stands in for them
            String reason = result.getThrowable().map(ConformanceResultsListener::firstLines).orElse("");
            records.put(id.getUniqueId(), new TestRecord(id.getLegacyReportingName(), id.getDisplayName(), List.of(),
                    Outcome.FAILED.label(), reason, 0, Map.of()));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!isConformanceRun() || records.isEmpty()) return;
        long wallMs = (System.nanoTime() - planStartNanos) / 1_000_000;
        List<TestRecord> sorted = records.values().stream()
                .sorted((a, b) -> (a.id() + a.displayName()).compareTo(b.id() + b.displayName())).toList();
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) counts.put(o, 0);
        sorted.forEach(r -> counts.merge(outcomeOf(r), 1, Integer::sum));
        Optional<JsonNode> session = SessionFile.read(reportDir);
        String summary = Summary.render(counts, session, wallMs, sorted);
        try {
            Files.createDirectories(reportDir);
            Files.writeString(reportDir.resolve("summary.txt"), summary);
            Files.writeString(reportDir.resolve("results.json"), JSON.writeValueAsString(results(sorted, counts, session, wallMs)));
        } catch (IOException e) {
            out.println("ocitk conformance: cannot write results to " + reportDir + ": " + e.getMessage());
        }
        boolean verbose = testPlan.getConfigurationParameters().getBoolean("conformance.summary.verbose").orElse(true);
        out.print(verbose ? summary : summary.lines().findFirst().orElse("") + "\n");
        out.println("results: " + reportDir.resolve("results.json"));
        out.flush();
    }

    private ObjectNode results(List<TestRecord> tests, Map<Outcome, Integer> counts, Optional<JsonNode> session,
                               long wallMs) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "ocitk-conformance-results/1");
        session.ifPresent(s -> root.set("session", s));
        ObjectNode summary = root.putObject("summary");
        counts.forEach((o, n) -> summary.put(o.label(), n));
        root.put("wallTimeMs", wallMs);
        root.set("tests", JSON.valueToTree(tests));
        try {
            RequirementCatalogue catalogue = RequirementCatalogue.load(Thread.currentThread().getContextClassLoader());
            ArrayNode reqs = root.putArray("requirements");
            for (CatalogueEntry e : catalogue.entries()) {
                ObjectNode n = JSON.valueToTree(e);
                n.put("since", e.since().toString());
                ArrayNode covering = n.putArray("tests");
                tests.stream().filter(t -> t.requirements().contains(e.id())).map(TestRecord::id).distinct()
                        .forEach(covering::add);
                reqs.add(n);
            }
        } catch (RuntimeException e) {
            root.put("catalogueError", e.getMessage());
        }
        return root;
    }

    private static Outcome outcomeOf(TestRecord r) {
        return Arrays.stream(Outcome.values()).filter(o -> o.label().equals(r.outcome())).findFirst().orElse(Outcome.FAILED);
    }

    private TestRecord record(TestIdentifier t, List<String> reqs, Outcome outcome, String reason, long ms) {
        MethodSource m = (MethodSource) t.getSource().orElseThrow();
        return new TestRecord(TestId.of(m.getClassName(), m.getMethodName()), t.getDisplayName(), reqs,
                outcome.label(), reason, ms, new LinkedHashMap<>(observations.getOrDefault(t.getUniqueId(), Map.of())));
    }

    private boolean isConformanceRun() {
        return plan != null && plan.countTestIdentifiers(t -> t.isTest() && requirementsOf(t).isPresent()) > 0;
    }

    private boolean isConformanceContainer(TestIdentifier id) {
        return plan.getDescendants(id).stream().anyMatch(t -> t.isTest() && requirementsOf(t).isPresent());
    }

    /** The test's {@link Requirement} IDs, or empty when it is not a conformance test. */
    private static Optional<List<String>> requirementsOf(TestIdentifier t) {
        if (t.getSource().isEmpty() || !(t.getSource().get() instanceof MethodSource m)) return Optional.empty();
        try {
            Method method = m.getJavaMethod();
            Requirement r = method.getAnnotation(Requirement.class);
            return r == null ? Optional.empty() : Optional.of(List.of(r.value()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static String firstLines(Throwable t) {
        String m = String.valueOf(t.getMessage());
        List<String> lines = m.lines().limit(12).toList();
        return String.join("\n", lines);
    }
}
