package dev.ocitk.ocirun.spec;

import java.util.List;
import java.util.Map;

/**
 * The parts of config.json (config.md) that ocirun reads. Unknown properties are ignored, as
 * config.md#extensibility requires. Optional scalars are boxed so "absent" stays distinguishable
 * from zero; absent lists and maps are null (read them through {@link Nulls}). Built by
 * {@link SpecReader}; unsigned 64-bit values are kept as the same bits in a {@code long}.
 */
public record Spec(
        String ociVersion,
        Root root,
        List<Mount> mounts,
        Process process,
        String hostname,
        String domainname,
        Hooks hooks,
        Map<String, String> annotations,
        LinuxSpec linux) {

    /** config.md#root */
    public record Root(String path, boolean readonly) {}

    /** config.md#mounts and config.md#posix-platform-mounts */
    public record Mount(
            String destination,
            String type,
            String source,
            List<String> options,
            List<LinuxSpec.IdMapping> uidMappings,
            List<LinuxSpec.IdMapping> gidMappings) {}

    /** config.md#process, config.md#posix-process, config.md#linux-process */
    public record Process(
            boolean terminal,
            ConsoleSize consoleSize,
            User user,
            List<String> args,
            List<String> env,
            String cwd,
            Capabilities capabilities,
            List<Rlimit> rlimits,
            boolean noNewPrivileges,
            Integer oomScoreAdj,
            String apparmorProfile,
            String selinuxLabel,
            Scheduler scheduler,
            IoPriority ioPriority,
            ExecCpuAffinity execCPUAffinity) {}

    public record ConsoleSize(long height,
                              long width) {}

    /** config.md#posix-platform-user */
    public record User(
            long uid,
            long gid,
            Long umask,
            List<Long> additionalGids) {}

    /** config.md#linux-process: five capability sets, each a list of CAP_* names. */
    public record Capabilities(
            List<String> bounding,
            List<String> effective,
            List<String> inheritable,
            List<String> permitted,
            List<String> ambient) {}

    /** config.md#posix-process: soft and hard are uint64, stored as the same 64 bits in a long. */
    public record Rlimit(
            String type,
            long soft,
            long hard) {}

    public record Scheduler(
            String policy,
            Integer nice,
            Integer priority,
            List<String> flags,
            Long runtime,
            Long deadline,
            Long period) {}

    /** {@code class} is a Java keyword, hence the renamed component. */
    public record IoPriority(String ioClass, int priority) {}

    /** {@code final} is a Java keyword, hence the renamed component. */
    public record ExecCpuAffinity(String initial, String last) {}

    /** config.md#posix-platform-hooks */
    public record Hooks(
            List<Hook> prestart,
            List<Hook> createRuntime,
            List<Hook> createContainer,
            List<Hook> startContainer,
            List<Hook> poststart,
            List<Hook> poststop) {

        public static final Hooks NONE = new Hooks(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** One hook entry; {@code timeout} is in seconds and, when present, greater than zero. */
    public record Hook(String path, List<String> args, List<String> env, Integer timeout) {}
}
