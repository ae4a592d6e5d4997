package dev.ocitk.ocirun;

import java.util.Arrays;
import java.util.Locale;

/**
 * Deliberate spec violations for proving the conformance suite: with {@code OCIRUN_FAULT=<rule>}
 * in its environment, ocirun breaks exactly that rule and behaves correctly otherwise. A suite run
 * against each fault must fail the tests tied to that rule and no others. An unknown rule name is
 * an error, so a typo cannot silently give a correct runtime.
 */
public enum Faults {
    /** state reports "running" for a container that is only created (runtime.md#state). */
    STATE_CREATED_AS_RUNNING("state-created-as-running"),
    /** state omits the pid of a live container (runtime.md#state). */
    STATE_NO_PID("state-no-pid"),
    /** start of a container that is not created succeeds (runtime.md#start). */
    START_ANY_STATUS("start-any-status"),
    /** kill reports success without sending the signal (runtime.md#kill). */
    KILL_NO_SIGNAL("kill-no-signal"),
    /** delete leaves the state directory behind (runtime.md#delete). */
    DELETE_KEEP_STATE("delete-keep-state"),
    /** delete of a running container succeeds (runtime.md#delete). */
    DELETE_RUNNING("delete-running"),
    /** poststop hooks are not run (config.md#posix-platform-hooks). */
    SKIP_POSTSTOP("skip-poststop"),
    /** the hostname is not set (config.md#hostname). */
    SKIP_HOSTNAME("skip-hostname"),
    /** read-only mount options are dropped (config.md#mounts). */
    IGNORE_MOUNT_RO("ignore-mount-ro"),
    /** process.env is not passed to the program (config.md#process). */
    DROP_ENV("drop-env");

    private final String rule;

    Faults(String rule) {
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    /** The active rule name, or null. */
    public static String current() {
        String v = System.getenv("OCIRUN_FAULT");
        if (v == null || v.isBlank()) {
            return null;
        }
        String name = v.trim().toLowerCase(Locale.ROOT);
        if (Arrays.stream(values()).noneMatch(f -> f.rule.equals(name))) {
            throw new OcirunException("unknown OCIRUN_FAULT rule \"" + v + "\"; known: "
                    + String.join(", ", Arrays.stream(values()).map(Faults::rule).toList()));
        }
        return name;
    }

    public boolean active() {
        return rule.equals(current());
    }

    /** For the init process, which gets the rule from create rather than from its environment. */
    public boolean activeIn(String rule) {
        return this.rule.equals(rule);
    }
}
