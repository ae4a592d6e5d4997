package dev.ocitk.ocirun.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The parts of config.json (config.md) that ocirun reads. Unknown properties are ignored, as
 * config.md#extensibility requires. Optional scalars are boxed so "absent" stays distinguishable
 * from zero; optional lists and maps are normalised to empty by {@link SpecLoader}.
 *
 * <p>Records are {@link Serializable} because the create command hands the parsed spec to the
 * container's init process over its sync socket: the init never re-reads config.json, so edits to
 * the file after create cannot reach the container (runtime.md#create).
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
        LinuxSpec linux) implements Serializable {

    /** config.md#root */
    public record Root(String path, boolean readonly) implements Serializable {}

    /** config.md#mounts and config.md#posix-platform-mounts */
    public record Mount(
            String destination,
            String type,
            String source,
            List<String> options,
            List<LinuxSpec.IdMapping> uidMappings,
            List<LinuxSpec.IdMapping> gidMappings) implements Serializable {}

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
            ExecCpuAffinity execCPUAffinity) implements Serializable {}

    public record ConsoleSize(@JsonDeserialize(using = Uint.U32.class) long height,
                              @JsonDeserialize(using = Uint.U32.class) long width) implements Serializable {}

    /** config.md#posix-platform-user */
    public record User(
            @JsonDeserialize(using = Uint.U32.class) long uid,
            @JsonDeserialize(using = Uint.U32.class) long gid,
            @JsonDeserialize(using = Uint.U32.class) Long umask,
            @JsonDeserialize(contentUsing = Uint.U32.class) List<Long> additionalGids) implements Serializable {}

    /** config.md#linux-process: five capability sets, each a list of CAP_* names. */
    public record Capabilities(
            List<String> bounding,
            List<String> effective,
            List<String> inheritable,
            List<String> permitted,
            List<String> ambient) implements Serializable {}

    /** config.md#posix-process: soft and hard are uint64, stored as the same 64 bits in a long. */
    public record Rlimit(
            String type,
            @JsonDeserialize(using = Uint.U64.class) long soft,
            @JsonDeserialize(using = Uint.U64.class) long hard) implements Serializable {}

    public record Scheduler(
            String policy,
            Integer nice,
            Integer priority,
            List<String> flags,
            @JsonDeserialize(using = Uint.U64.class) Long runtime,
            @JsonDeserialize(using = Uint.U64.class) Long deadline,
            @JsonDeserialize(using = Uint.U64.class) Long period) implements Serializable {}

    /** {@code class} is a Java keyword, hence the renamed component. */
    public record IoPriority(@JsonProperty("class") String ioClass, int priority) implements Serializable {}

    /** {@code final} is a Java keyword, hence the renamed component. */
    public record ExecCpuAffinity(String initial, @JsonProperty("final") String last) implements Serializable {}

    /** config.md#posix-platform-hooks */
    public record Hooks(
            List<Hook> prestart,
            List<Hook> createRuntime,
            List<Hook> createContainer,
            List<Hook> startContainer,
            List<Hook> poststart,
            List<Hook> poststop) implements Serializable {

        public static final Hooks NONE = new Hooks(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** One hook entry; {@code timeout} is in seconds and, when present, greater than zero. */
    public record Hook(String path, List<String> args, List<String> env, Integer timeout) implements Serializable {}
}
