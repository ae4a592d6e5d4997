package dev.ocitk.validator;

import dev.ocitk.validator.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One validator shared by many threads gives every thread the answer it would get alone. */
class ConcurrencyTest {

    @Test
    void sharedValidatorIsThreadSafe() throws Exception {
        OciValidator validator = OciValidator.create();
        List<String> docs = List.of(
                Fixtures.text("config/linux-full"),
                Fixtures.json(Fixtures.edit(Fixtures.load("config/linux"), Fixtures.MAPPER.readTree(
                        "{\"set\": {\"/process/cwd\": \"x\", \"/root/readOnly\": true, \"/linux/namespaces/5\": {\"type\": \"pid\"}}}"))),
                Fixtures.text("config/windows"));
        List<ValidationReport> expected = docs.stream().map(validator::validateConfig).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        int k = i % docs.size();
                        if (!validator.validateConfig(docs.get(k)).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.get(1).findings()).extracting(Finding::ruleId)
                .contains("process.cwd.absolute", "property.misspelled", "linux.namespaces.duplicate");
    }
}
