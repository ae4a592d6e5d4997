package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;
import dev.ocitk.validator.internal.bundle.BundleFiles;
import dev.ocitk.validator.internal.bundle.Rootfs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that look at the bundle on disk (lintBundle only): the root filesystem, the program and startContainer
 * hooks inside it (resolved as the container will see them, see {@link Rootfs}), other hooks and bind sources on
 * the host.
 *
 * <p>Host-side findings are warnings: the lint may run on another machine than the runtime. Inside the rootfs a
 * file can also come from a mount, so paths below a mount destination are not reported missing.
 */
public final class BundleRules implements RuleSet {

    public static final Rule ROOT_PATH_EXISTS = new Rule("root.path.exists", Level.ERROR, "config.md#root",
            "A directory exists at root.path (relative paths are taken from the bundle directory).");
    public static final Rule ARGS_NOT_FOUND = new Rule("process.args.not-found", Level.WARNING, "config.md#process",
            "args[0] names a file in the rootfs, directly or through the PATH in process.env, as execvp finds it.");
    public static final Rule ARGS_NOT_EXECUTABLE = new Rule("process.args.not-executable", Level.WARNING,
            "config.md#process", "The file args[0] resolves to is a regular file with an execute bit.");
    public static final Rule CWD_NOT_DIRECTORY = new Rule("process.cwd.not-directory", Level.WARNING,
            "config.md#process", "When cwd exists in the rootfs it is a directory.");
    public static final Rule SYMLINK_LOOP = new Rule("rootfs.symlink-loop", Level.WARNING, "config.md#root",
            "Paths the container will use resolve inside the rootfs in at most 40 symlinks (no loops).");
    public static final Rule HOOK_NOT_FOUND = new Rule("hooks.path.not-found", Level.WARNING,
            "config.md#posix-platform-hooks", "A hook's path exists where it resolves: on the host, or in the rootfs"
            + " for startContainer hooks.");
    public static final Rule HOOK_NOT_EXECUTABLE = new Rule("hooks.path.not-executable", Level.WARNING,
            "config.md#posix-platform-hooks", "A hook's path is a regular file with an execute bit.");
    public static final Rule BIND_SOURCE_MISSING = new Rule("mount.source.missing", Level.WARNING, "config.md#mounts",
            "The source of a bind mount exists on the host (relative sources are taken from the bundle directory).");

    @Override
    public List<Rule> rules() {
        return List.of(ROOT_PATH_EXISTS, ARGS_NOT_FOUND, ARGS_NOT_EXECUTABLE, CWD_NOT_DIRECTORY, SYMLINK_LOOP,
                HOOK_NOT_FOUND, HOOK_NOT_EXECUTABLE, BIND_SOURCE_MISSING);
    }

    @Override
    public void check(CheckContext ctx) {
        Optional<BundleFiles> maybeBundle = ctx.bundle();
        if (maybeBundle.isEmpty() || !ctx.platform().isPosix()) {
            return;
        }
        BundleFiles bundle = maybeBundle.get();
        Nodes.At rootPath = ctx.root().get("root").get("path");
        if (rootPath.text() != null && bundle.rootfs().isEmpty()) {
            Optional<Path> dir = bundle.hostPath(rootPath.text());
            String what = dir.isPresent() && Files.exists(dir.get()) ? "is not a directory" : "does not exist";
            ctx.report(ROOT_PATH_EXISTS, rootPath.pointer(), "root.path " + Messages.quote(rootPath.text()) + " " + what);
        }
        List<String> mountPoints = mountDestinations(ctx);
        bundle.rootfs().ifPresent(rootfs -> {
            checkProgram(ctx, rootfs, mountPoints);
            for (Nodes.At hook : ctx.root().get("hooks").get("startContainer").elements()) {
                checkHookInRootfs(ctx, rootfs, hook, mountPoints);
            }
        });
        for (String kind : HookRules.KINDS) {
            if (!kind.equals("startContainer")) {
                for (Nodes.At hook : ctx.root().get("hooks").get(kind).elements()) {
                    checkHookOnHost(ctx, hook, kind);
                }
            }
        }
        checkBindSources(ctx, bundle);
    }

    private static void checkProgram(CheckContext ctx, Rootfs rootfs, List<String> mountPoints) {
        Nodes.At process = ctx.root().get("process");
        String cwd = process.get("cwd").text();
        String workdir = cwd != null && cwd.startsWith("/") ? cwd : "/";
        if (cwd != null && cwd.startsWith("/")) {
            Rootfs.Resolution r = rootfs.resolve(cwd);
            if (r.status() == Rootfs.Status.LOOP) {
                ctx.report(SYMLINK_LOOP, process.get("cwd").pointer(), "cwd " + Messages.quote(cwd)
                        + " does not resolve: more than " + Rootfs.MAX_SYMLINKS + " symlinks (a loop?)");
            } else if (r.status() == Rootfs.Status.FOUND && !r.isDirectory()) {
                ctx.report(CWD_NOT_DIRECTORY, process.get("cwd").pointer(), "cwd " + Messages.quote(cwd)
                        + " exists in the rootfs but is not a directory");
            }
        }
        List<Nodes.At> args = process.get("args").elements();
        if (args.isEmpty() || args.get(0).text() == null || args.get(0).text().isEmpty()) {
            return;
        }
        Nodes.At arg0 = args.get(0);
        String program = arg0.text();
        List<String> candidates = new ArrayList<>();
        String pathVariable = Env.toMap(process.get("env").strings()).get("PATH");
        if (program.contains("/")) {
            candidates.add(program.startsWith("/") ? program : workdir + "/" + program);
        } else if (pathVariable != null) {
            for (String dir : pathVariable.split(":", -1)) {
                // An empty PATH entry means the working directory (execvp).
                candidates.add((dir.isEmpty() ? workdir : dir) + "/" + program);
            }
        }
        String notExecutable = null;
        for (String candidate : candidates) {
            Rootfs.Resolution r = rootfs.resolve(candidate);
            if (r.status() == Rootfs.Status.LOOP) {
                ctx.report(SYMLINK_LOOP, arg0.pointer(), "resolving " + Messages.quote(candidate)
                        + " in the rootfs follows more than " + Rootfs.MAX_SYMLINKS + " symlinks (a loop?)");
                return;
            }
            if (r.isExecutableFile()) {
                return;
            }
            if (r.status() == Rootfs.Status.FOUND && notExecutable == null) {
                notExecutable = candidate;
            }
        }
        if (notExecutable != null) {
            ctx.report(ARGS_NOT_EXECUTABLE, arg0.pointer(), Messages.quote(notExecutable)
                    + " exists in the rootfs but is not an executable file");
        } else if (candidates.stream().noneMatch(c -> underMount(c, mountPoints))) {
            String where = program.contains("/") ? "" : pathVariable == null
                    ? "; process.env has no PATH, so runtimes that search only PATH (runc) cannot find it"
                    : " (searched PATH " + Messages.quote(pathVariable) + ")";
            ctx.report(ARGS_NOT_FOUND, arg0.pointer(), Messages.quote(program) + " is not in the rootfs" + where);
        }
    }

    private static void checkHookInRootfs(CheckContext ctx, Rootfs rootfs, Nodes.At hook, List<String> mountPoints) {
        String path = hook.get("path").text();
        if (path == null || !path.startsWith("/")) {
            return; // hooks.path.absolute reports it
        }
        Rootfs.Resolution r = rootfs.resolve(path);
        String pointer = hook.get("path").pointer();
        switch (r.status()) {
            case LOOP -> ctx.report(SYMLINK_LOOP, pointer, "startContainer hook " + Messages.quote(path)
                    + " does not resolve in the rootfs: more than " + Rootfs.MAX_SYMLINKS + " symlinks (a loop?)");
            case MISSING -> {
                if (!underMount(path, mountPoints)) {
                    ctx.report(HOOK_NOT_FOUND, pointer, "startContainer hook " + Messages.quote(path)
                            + " is not in the rootfs, where it resolves");
                }
            }
            case FOUND -> {
                if (!r.isExecutableFile()) {
                    ctx.report(HOOK_NOT_EXECUTABLE, pointer, "startContainer hook " + Messages.quote(path)
                            + " is in the rootfs but is not an executable file");
                }
            }
            case UNREADABLE -> {
                // Nothing to conclude about the container's view.
            }
        }
    }

    private static void checkHookOnHost(CheckContext ctx, Nodes.At hook, String kind) {
        String path = hook.get("path").text();
        if (path == null || !path.startsWith("/")) {
            return;
        }
        Path file;
        try {
            file = Path.of(path);
        } catch (RuntimeException e) {
            ctx.report(HOOK_NOT_FOUND, hook.get("path").pointer(), kind + " hook " + Messages.quote(path)
                    + " is not a path this host can have");
            return;
        }
        // Files.exists follows links and is false on a loop (ELOOP): no hang, reported as not found.
        if (!Files.exists(file)) {
            ctx.report(HOOK_NOT_FOUND, hook.get("path").pointer(), kind + " hook " + Messages.quote(path)
                    + " does not exist on this host (hooks of this kind resolve in the runtime namespace)");
        } else if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
            ctx.report(HOOK_NOT_EXECUTABLE, hook.get("path").pointer(), kind + " hook " + Messages.quote(path)
                    + " is not an executable file");
        }
    }

    private static void checkBindSources(CheckContext ctx, BundleFiles bundle) {
        for (Nodes.At mount : ctx.root().get("mounts").elements()) {
            List<String> options = mount.get("options").strings();
            String source = mount.get("source").text();
            if (source == null || !(options.contains("bind") || options.contains("rbind"))) {
                continue;
            }
            Optional<Path> host = bundle.hostPath(source);
            if (host.isEmpty() || !Files.exists(host.get())) {
                ctx.report(BIND_SOURCE_MISSING, mount.get("source").pointer(), "bind source " + Messages.quote(source)
                        + " does not exist" + (source.startsWith("/") ? " on this host" : " in the bundle directory"));
            }
        }
    }

    private static List<String> mountDestinations(CheckContext ctx) {
        List<String> out = new ArrayList<>();
        for (Nodes.At mount : ctx.root().get("mounts").elements()) {
            String d = mount.get("destination").text();
            if (d != null && !d.isEmpty()) {
                String abs = d.startsWith("/") ? d : "/" + d;
                out.add(abs.replaceAll("/+$", ""));
            }
        }
        return out;
    }

    /** True when {@code path} is at or below a mount destination: the mount, not the rootfs, may provide it. */
    private static boolean underMount(String path, List<String> mountPoints) {
        String p = path.replaceAll("/+", "/");
        for (String m : mountPoints) {
            if (m.isEmpty() || p.equals(m) || p.startsWith(m + "/")) {
                return true;
            }
        }
        return false;
    }
}
