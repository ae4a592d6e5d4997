package dev.ocitk.conformance.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.catalogue.RequirementCatalogue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Known deviations of one runtime version: every {@code *.yaml} in its expectations directory, one file per area
 * so several people can add entries without colliding. A listed failure is reported as expected; a listed test
 * that passes fails as an unexpected pass. Entries are checked against the catalogue and the test classes when
 * loaded: a typo is a suite error, not a silently ignored line.
 */
public final class Baseline {

    /** Requirement a leak breaks; baseline entries for leaks name it. */
    public static final String LEAK_REQUIREMENT = "runtime.delete.removes-resources";

    private static final Pattern TEST_ID = Pattern.compile("[A-Za-z0-9_.]+#[A-Za-z0-9_]+");
    private static final Set<String> KEYS = Set.of("test", "requirement", "failure", "reason");

    private final Optional<Path> dir;
    private final List<BaselineEntry> entries;
    private final Set<BaselineEntry> used = ConcurrentHashMap.newKeySet();

    private Baseline(Optional<Path> dir, List<BaselineEntry> entries) {
        this.dir = dir;
        this.entries = List.copyOf(entries);
    }

    public static Baseline none() {
        return new Baseline(Optional.empty(), List.of());
    }

    /** Loads every YAML file in {@code dir}; all problems are reported together as one {@link SuiteError}. */
    public static Baseline load(Path dir, RequirementCatalogue catalogue, ClassLoader testClasses) {
        if (!Files.isDirectory(dir)) {
            throw new SuiteError("expectations directory " + dir + " does not exist");
        }
        List<String> problems = new ArrayList<>();
        List<BaselineEntry> entries = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new SuiteError("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path file : files) {
            String source = dir.getFileName() + "/" + file.getFileName();
            JsonNode root;
            try {
                root = yaml.readTree(file.toFile());
            } catch (IOException e) {
                problems.add(source + ": not valid YAML: " + e.getMessage());
                continue;
            }
            JsonNode list = root == null ? null : root.get("deviations");
            if (list == null || !list.isArray()) {
                problems.add(source + ": expected a top-level 'deviations:' list");
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                parseEntry(list.get(i), source + " entry " + (i + 1), catalogue, testClasses, problems)
                        .ifPresent(entries::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new SuiteError("invalid baseline " + dir + ":\n  " + String.join("\n  ", problems));
        }
        return new Baseline(Optional.of(dir), entries);
    }

    private static Optional<BaselineEntry> parseEntry(JsonNode n, String where, RequirementCatalogue catalogue,
                                                      ClassLoader testClasses, List<String> problems) {
        if (n == null || !n.isObject()) {
            problems.add(where + ": expected a mapping");
            return Optional.empty();
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) problems.add(where + ": unknown key '" + key + "'");
        }
        Optional<String> test = text(n, "test");
        String requirement = text(n, "requirement").orElse("");
        String reason = text(n, "reason").orElse("");
        int before = problems.size();
        if (catalogue.find(requirement).isEmpty()) {
            problems.add(where + ": requirement '" + requirement + "' is not in the catalogue");
        }
        if (reason.isBlank()) {
            problems.add(where + ": 'reason' is required (why the runtime fails, checked against the spec)");
        }
        test.ifPresent(t -> checkTest(t, requirement, where, testClasses, problems));
        if (test.isEmpty() && !LEAK_REQUIREMENT.equals(requirement) && text(n, "failure").isEmpty()) {
            problems.add(where + ": an entry without 'test' needs 'failure' text, so it cannot hide unrelated failures");
        }
        return problems.size() == before
                ? Optional.of(new BaselineEntry(test, requirement, text(n, "failure"), reason, where))
                : Optional.empty();
    }

    private static void checkTest(String test, String requirement, String where, ClassLoader loader,
                                  List<String> problems) {
        if (!TEST_ID.matcher(test).matches()) {
            problems.add(where + ": test '" + test + "' must look like 'lifecycle.CreateIT#methodName'");
            return;
        }
        Class<?> cls;
        try {
            cls = Class.forName(TestId.className(test), false, loader);
        } catch (ClassNotFoundException e) {
            problems.add(where + ": test class " + TestId.className(test) + " does not exist");
            return;
        }
        Optional<Method> method = Arrays.stream(cls.getDeclaredMethods())
                .filter(m -> m.getName().equals(TestId.methodName(test))).findFirst();
        if (method.isEmpty()) {
            problems.add(where + ": " + cls.getSimpleName() + " has no method " + TestId.methodName(test));
            return;
        }
        Requirement req = method.get().getAnnotation(Requirement.class);
        boolean declared = req != null && Arrays.asList(req.value()).contains(requirement);
        if (!declared && !LEAK_REQUIREMENT.equals(requirement)) {
            problems.add(where + ": " + test + " does not declare @Requirement(\"" + requirement + "\")");
        }
    }

    private static Optional<String> text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    /**
     * The entry that explains a failure, if any.
     *
     * @param testId       the failing test
     * @param requirements requirements the failure may be about: the test's own, or the leak requirement
     * @param message      the failure message
     */
    public Optional<BaselineEntry> explain(String testId, Collection<String> requirements, String message) {
        Optional<BaselineEntry> hit = entries.stream()
                .filter(e -> requirements.contains(e.requirement()))
                .filter(e -> e.test().map(testId::equals).orElse(true))
                .filter(e -> e.matchesMessage(message))
                .min((a, b) -> Boolean.compare(a.test().isEmpty(), b.test().isEmpty()));
        hit.ifPresent(used::add);
        return hit;
    }

    /** Test-specific entries about the test's own requirements: if the test passes, these are stale. */
    public List<BaselineEntry> expectedFailuresOf(String testId) {
        return entries.stream()
                .filter(e -> e.test().map(testId::equals).orElse(false))
                .filter(e -> !LEAK_REQUIREMENT.equals(e.requirement()))
                .toList();
    }

    /**
     * Entries without a test that no failure matched. (A test-specific entry whose test passes is reported as an
     * unexpected pass instead; one whose test did not run says nothing.)
     */
    public List<BaselineEntry> unused() {
        return entries.stream().filter(e -> e.test().isEmpty() && !used.contains(e)).toList();
    }

    public Optional<Path> dir() {
        return dir;
    }

    public List<BaselineEntry> entries() {
        return entries;
    }
}
