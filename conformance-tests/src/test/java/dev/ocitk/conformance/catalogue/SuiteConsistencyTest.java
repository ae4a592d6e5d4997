package dev.ocitk.conformance.catalogue;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.junit.ConformanceExtension;
import dev.ocitk.conformance.verdict.Baseline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the suite against its own data without running a runtime: every conformance test names known
 * requirements and runs with the extension, and every baseline under expectations/ loads.
 */
class SuiteConsistencyTest {

    private final RequirementCatalogue catalogue = RequirementCatalogue.load(getClass().getClassLoader());

    @Test
    void everyConformanceTestNamesKnownRequirementsAndRunsWithTheExtension() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Class<?>> classes = conformanceTestClasses();
        assertThat(classes).as("conformance test classes found").isNotEmpty();
        for (Class<?> c : classes) {
            boolean classExtended = AnnotationSupport.findRepeatableAnnotations(c, ExtendWith.class).stream()
                    .anyMatch(e -> Arrays.asList(e.value()).contains(ConformanceExtension.class));
            for (Method m : c.getDeclaredMethods()) {
                boolean isTest = AnnotationSupport.isAnnotated(m, Test.class)
                        || AnnotationSupport.isAnnotated(m, TestTemplate.class);
                if (!isTest) continue;
                String where = c.getSimpleName() + "#" + m.getName();
                Requirement r = m.getAnnotation(Requirement.class);
                if (r == null || r.value().length == 0) {
                    problems.add(where + " has no @Requirement");
                } else {
                    Arrays.stream(r.value()).filter(id -> catalogue.find(id).isEmpty())
                            .forEach(id -> problems.add(where + " names unknown requirement " + id));
                }
                if (!m.isAnnotationPresent(ConformanceTest.class) && !classExtended) {
                    problems.add(where + " is neither @ConformanceTest nor in a class with @ExtendWith(ConformanceExtension.class)");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyBaselineLoads() throws IOException {
        Path root = Path.of("expectations");
        assertThat(root).isDirectory();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Baseline baseline = Baseline.load(dir, catalogue, getClass().getClassLoader());
                assertThat(baseline.entries()).as("entries of %s", dir).allSatisfy(e ->
                        assertThat(e.reason()).as("reason of %s", e.describe()).contains(".md#"));
            }
        }
    }

    private static List<Class<?>> conformanceTestClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(SuiteConsistencyTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(f -> f.toString().endsWith("IT.class")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceFirst("\\.class$", "");
                out.add(Class.forName(name));
            }
        }
        return out;
    }
}
