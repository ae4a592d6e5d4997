package dev.ocitk.conformance.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * Runs the whole conformance suite once per fault wrapper in {@code faults/} and checks that each makes exactly
 * the tests listed for it in {@code faults/kills/*.yaml} fail, and that every test fails under at least one fault.
 * The {@code none} wrapper runs the real runtime unchanged: the tests it fails are the runtime's own deviations,
 * and the other faults are judged by what they fail beyond those. Writes {@code fault-matrix.md} and
 * {@code fault-kills-observed/<area>.yaml} (paste-ready) into the report directory. Exit status 1 on any mismatch.
 *
 * <p>Usage: {@code FaultMatrix FAULTS_DIR REPORT_DIR [fault,...] [package,...]} (packages below
 * {@code dev.ocitk.conformance}, e.g. {@code lifecycle}); run by {@code mvn verify -Pfaults}.
 */
public final class FaultMatrix {

    private static final String BASELINE_FAULT = "none";
    private static final Set<String> KILLED = Set.of("failed", "warning", "unexpected-pass", "newer-than-declared");

    private final Path faultsDir;
    private final Path reportDir;
    private final List<String> only;
    private final List<String> packages;

    FaultMatrix(Path faultsDir, Path reportDir, List<String> only, List<String> packages) {
        this.faultsDir = faultsDir;
        this.reportDir = reportDir;
        this.only = only;
        this.packages = packages;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: FaultMatrix FAULTS_DIR REPORT_DIR [fault,fault,...] [package,package,...]");
            System.exit(2);
        }
        System.exit(new FaultMatrix(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath(),
                list(args, 2), list(args, 3)).run());
    }

    private static List<String> list(String[] args, int i) {
        return args.length > i && !args[i].isBlank() ? Arrays.asList(args[i].split(",")) : List.of();
    }

    int run() throws IOException {
        Map<String, Set<String>> expected = loadExpectedKills();
        List<String> faults = listFaults();
        Map<String, Map<String, String>> outcomes = new LinkedHashMap<>();
        for (String fault : faults) {
            System.out.println("== fault " + fault);
            outcomes.put(fault, runSuite(fault));
        }
        Map<String, String> plain = outcomes.getOrDefault(BASELINE_FAULT, Map.of());
        Set<String> plainKills = killed(plain);
        Map<String, Set<String>> observed = new TreeMap<>();
        for (var e : outcomes.entrySet()) {
            Set<String> k = new TreeSet<>(killed(e.getValue()));
            if (!e.getKey().equals(BASELINE_FAULT)) k.removeAll(plainKills);
            observed.put(e.getKey(), k);
        }

        List<String> problems = new ArrayList<>();
        for (String fault : faults) {
            // Only tests this invocation ran can be judged (a -Dfaults.packages run leaves the others out).
            Set<String> want = new TreeSet<>(expected.getOrDefault(fault, Set.of()));
            want.retainAll(plain.keySet());
            Set<String> got = observed.get(fault);
            Set<String> missing = new TreeSet<>(want);
            missing.removeAll(got);
            Set<String> extra = new TreeSet<>(got);
            extra.removeAll(want);
            if (!missing.isEmpty()) problems.add(fault + ": expected to fail but passed: " + missing);
            if (!extra.isEmpty()) problems.add(fault + ": failed but not listed in faults/kills: " + extra);
            if (outcomes.get(fault).isEmpty()) problems.add(fault + ": the suite produced no results");
        }
        Set<String> allTests = new TreeSet<>(plain.keySet());
        Map<String, Set<String>> killers = new TreeMap<>();
        allTests.forEach(t -> killers.put(t, new TreeSet<>()));
        observed.forEach((fault, tests) -> tests.forEach(t -> killers.computeIfAbsent(t, x -> new TreeSet<>()).add(fault)));
        if (only.isEmpty()) {
            // With a subset of faults a test may be proven by a fault that did not run: only a full run checks this.
            killers.forEach((test, by) -> {
                if (by.isEmpty() && !"skipped".equals(plain.get(test))) {
                    problems.add("no fault makes " + test + " fail: it is not proven able to fail");
                }
            });
        }
        writeReports(observed, killers, plain, problems);
        System.out.println();
        System.out.println("fault matrix: " + faults.size() + " faults, " + allTests.size() + " tests, "
                + problems.size() + " problems (" + reportDir.resolve("fault-matrix.md") + ")");
        problems.forEach(p -> System.out.println("  " + p));
        return problems.isEmpty() ? 0 : 1;
    }

    /** Runs every *IT class against one fault wrapper; returns test ID to the worst outcome of its invocations. */
    private Map<String, String> runSuite(String fault) throws IOException {
        Path out = reportDir.resolve("faults").resolve(fault);
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("results.json"));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(packages.isEmpty() ? List.of(selectPackage("dev.ocitk.conformance"))
                        : packages.stream().map(p -> selectPackage("dev.ocitk.conformance." + p)).toList())
                .filters(includeClassNamePatterns(".*IT"))
                .configurationParameter("runtime", faultsDir.resolve(fault).toString())
                .configurationParameter("expectations", "none")
                .configurationParameter("conformance.summary.verbose", "false")
                .configurationParameter("conformance.reportDir", out.toString())
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.max-pool-size", "4")
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request);
        Path results = out.resolve("results.json");
        Map<String, String> byTest = new TreeMap<>();
        if (!Files.exists(results)) return byTest;
        JsonNode root = new ObjectMapper().readTree(results.toFile());
        for (JsonNode t : root.path("tests")) {
            String id = t.path("id").asText();
            String outcome = t.path("outcome").asText();
            byTest.merge(id, outcome, (a, b) -> KILLED.contains(a) ? a : b);
        }
        return byTest;
    }

    private static Set<String> killed(Map<String, String> outcomes) {
        Set<String> k = new TreeSet<>();
        outcomes.forEach((test, outcome) -> {
            if (KILLED.contains(outcome)) k.add(test);
        });
        return k;
    }

    private List<String> listFaults() throws IOException {
        try (Stream<Path> list = Files.list(faultsDir)) {
            List<String> names = list.filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                    .map(p -> p.getFileName().toString()).sorted().toList();
            List<String> chosen = new ArrayList<>();
            if (names.contains(BASELINE_FAULT)) chosen.add(BASELINE_FAULT);
            names.stream().filter(n -> !n.equals(BASELINE_FAULT))
                    .filter(n -> only.isEmpty() || only.contains(n)).forEach(chosen::add);
            return chosen;
        }
    }

    private Map<String, Set<String>> loadExpectedKills() throws IOException {
        Map<String, Set<String>> merged = new TreeMap<>();
        Path dir = faultsDir.resolve("kills");
        if (!Files.isDirectory(dir)) return merged;
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode root = yaml.readTree(file.toFile());
                if (root == null) continue;
                root.properties().forEach(e -> e.getValue().forEach(
                        t -> merged.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(t.asText())));
            }
        }
        return merged;
    }

    private void writeReports(Map<String, Set<String>> observed, Map<String, Set<String>> killers,
                              Map<String, String> plain, List<String> problems) throws IOException {
        Files.createDirectories(reportDir);
        // One file per area (the package below dev.ocitk.conformance), in the format of faults/kills/<area>.yaml.
        Path observedDir = reportDir.resolve("fault-kills-observed");
        Files.createDirectories(observedDir);
        Map<String, Map<String, Set<String>>> byArea = new TreeMap<>();
        observed.forEach((fault, tests) -> tests.forEach(t -> byArea
                .computeIfAbsent(t.substring(0, t.indexOf('.')), a -> new TreeMap<>())
                .computeIfAbsent(fault, f -> new TreeSet<>()).add(t)));
        for (var area : byArea.entrySet()) {
            StringBuilder yaml = new StringBuilder("# Fault -> tests of area '" + area.getKey()
                    + "' it makes fail beyond fault 'none' (observed by FaultMatrix).\n");
            area.getValue().forEach((fault, tests) -> {
                yaml.append(fault).append(":\n");
                tests.forEach(t -> yaml.append("  - ").append(t).append('\n'));
            });
            Files.writeString(observedDir.resolve(area.getKey() + ".yaml"), yaml);
        }

        StringBuilder md = new StringBuilder("| test | outcome without a fault | failed by |\n|---|---|---|\n");
        killers.forEach((test, by) -> md.append("| `").append(test).append("` | ")
                .append(plain.getOrDefault(test, "-")).append(" | ")
                .append(by.isEmpty() ? "**none**" : String.join(", ", by.stream().map(f -> "`" + f + "`").toList()))
                .append(" |\n"));
        if (!problems.isEmpty()) {
            md.append("\nProblems:\n\n");
            problems.forEach(p -> md.append("- ").append(p).append('\n'));
        }
        Files.writeString(reportDir.resolve("fault-matrix.md"), md);
    }
}
