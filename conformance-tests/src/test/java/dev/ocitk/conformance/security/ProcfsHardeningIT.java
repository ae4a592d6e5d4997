package dev.ocitk.conformance.security;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.Programs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The /proc hardening a default config asks for (the masked and read-only paths of {@code runc spec}, which the
 * harness's default config lists): kernel-memory and timer files must not be readable, /proc/sys must not be
 * writable. Each check runs the same probe in a control container without the setting, so an entry is only judged
 * where the control shows the probe can see it here.
 */
@Tag("security")
class ProcfsHardeningIT {

    /** The masked /proc and /sys entries of the default config. */
    private static final List<String> MASKED = List.of("/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys",
            "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware",
            "/proc/scsi");

    /** Prints {@code path=N}: directory entries, or the bytes of the first 64 read, 0 when it cannot be read. */
    private static String probe(List<String> paths) {
        return "for p in " + String.join(" ", paths) + "; do if [ -d $p ]; then n=$(ls -A $p 2>/dev/null | wc -l);"
                + " else n=$(head -c 64 $p 2>/dev/null | wc -c); fi; echo \"$p=$n\"; done";
    }

    private static Map<String, Integer> readable(RuntimeUnderTest runtime, List<String> paths, boolean masked) {
        // CAP_SYS_RAWIO lets root read /proc/kcore, so the control sees it and the masked run must not.
        Bundle bundle = runtime.bundle().args(sh(probe(paths)))
                .capabilities("CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE", "CAP_SYS_RAWIO")
                .edit(c -> {
                    ArrayNode list = c.withObjectProperty("linux").putArray("maskedPaths");
                    if (masked) paths.forEach(list::add);
                }).build();
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String line : Programs.runToCompletion(runtime, bundle).lines().toList()) {
            int eq = line.lastIndexOf('=');
            if (eq > 0) out.put(line.substring(0, eq), Integer.parseInt(line.substring(eq + 1).trim()));
        }
        return out;
    }

    @ConformanceTest
    @Requirement("linux.masked-paths.unreadable")
    void maskedProcEntriesCannotBeRead(RuntimeUnderTest runtime) {
        List<String> present = MASKED.stream().filter(p -> Files.exists(Path.of(p))).toList();
        Map<String, Integer> control = readable(runtime, present, false);
        List<String> judged = present.stream().filter(p -> control.getOrDefault(p, 0) > 0).toList();
        runtime.observe("masked.judged", judged.toString());
        Assumptions.assumeFalse(judged.isEmpty(), "none of " + MASKED + " is readable in a container on this host");

        Map<String, Integer> masked = readable(runtime, judged, true);

        assertThat(judged).allSatisfy(p -> assertThat(masked.get(p))
                .as("bytes or entries of %s readable in the container with it masked (unmasked: %d)", p, control.get(p))
                .isEqualTo(0));
    }

    @ConformanceTest
    @Requirement("linux.readonly-paths.read-only")
    void procSysCannotBeWrittenWhenReadOnly(RuntimeUnderTest runtime) {
        // kernel.hostname lives in the container's own UTS namespace: writing it, if the runtime failed, changes
        // nothing outside the container.
        String script = "(echo ocitk-written > /proc/sys/kernel/hostname) 2>&1; echo rc=$?; cat /proc/sys/kernel/hostname";
        String control = Programs.runToCompletion(runtime, runtime.bundle().args(sh(script))
                .edit(c -> withoutReadonly(c, "/proc/sys")).build());
        Assumptions.assumeTrue(control.contains("rc=0") && control.contains("ocitk-written"),
                "the container cannot write /proc/sys/kernel/hostname even without a read-only /proc/sys: " + control);

        String out = Programs.runToCompletion(runtime, runtime.bundle().args(sh(script)).build());

        assertThat(out).as("writing /proc/sys/kernel/hostname with /proc/sys in readonlyPaths")
                .doesNotContain("rc=0").doesNotContain("ocitk-written").contains("Read-only file system");
    }

    private static void withoutReadonly(ObjectNode config, String path) {
        ArrayNode ro = config.withObjectProperty("linux").withArrayProperty("readonlyPaths");
        for (int i = ro.size() - 1; i >= 0; i--) {
            if (ro.get(i).asText().equals(path)) ro.remove(i);
        }
    }
}
