package dev.ocitk.ocirun;

import dev.ocitk.ocirun.cgroups.CgroupMountPlan;
import dev.ocitk.ocirun.features.Features;
import dev.ocitk.ocirun.init.InitConfig;
import dev.ocitk.ocirun.init.SyncSocket;
import dev.ocitk.ocirun.lifecycle.ContainerState;
import dev.ocitk.ocirun.lifecycle.ContainerStatus;
import dev.ocitk.ocirun.lifecycle.StateCodec;
import dev.ocitk.ocirun.lifecycle.StateStore;
import dev.ocitk.ocirun.linux.LibC;
import dev.ocitk.ocirun.linux.MountInfo;
import dev.ocitk.ocirun.linux.Sys;
import dev.ocitk.ocirun.spec.Spec;
import dev.ocitk.ocirun.spec.SpecLoader;
import dev.ocitk.ocirun.spec.SpecValidator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The AppCDS training run ({@code ocirun __train}, run by the build): loads every class of the
 * ocirun jar and walks the code paths of each verb and of the init without touching the host
 * (no container, no mount, no cgroup), so that {@code -XX:ArchiveClassesAtExit} archives what the
 * real commands load. Every ocirun process then maps those classes instead of parsing them, which
 * is most of a JVM command's start-up.
 */
final class Training {
    private Training() {}

    static int run() throws Exception {
        loadAllClasses();
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        // The walk provokes errors and warnings on purpose; the build log does not need them.
        System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream()));
        System.setErr(new PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            exercise();
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
        return 0;
    }

    private static void loadAllClasses() throws IOException, URISyntaxException {
        Path jar = Path.of(Training.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(jar)) {
            return; // running from classes (tests): nothing to archive
        }
        ClassLoader loader = Training.class.getClassLoader();
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) jf.stream()::iterator) {
                String n = e.getName();
                if (!n.endsWith(".class") || n.contains("-") || n.startsWith("META-INF")) {
                    continue;
                }
                try {
                    Class.forName(n.substring(0, n.length() - 6).replace('/', '.'), false, loader);
                } catch (Throwable ignored) {
                    // optional dependencies of libraries (e.g. Jackson's java.sql support) may be missing
                }
            }
        }
    }

    private static void exercise() throws Exception {
        LibC.load();
        LibC.getpid();
        Path tmp = Files.createTempDirectory("ocirun-train");
        try {
            String config;
            try (InputStream in = Training.class.getResourceAsStream("/dev/ocitk/ocirun/default-config.json")) {
                config = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            Spec spec = SpecLoader.parse(config);
            byte[] specBytes = config.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            // A config with every property, so every reader path (and its lambdas) is archived.
            try (InputStream in = Training.class.getResourceAsStream("/dev/ocitk/ocirun/training-config.json")) {
                Spec full = SpecLoader.parse(in.readAllBytes());
                try {
                    SpecValidator.validate(full);
                } catch (OcirunException expected) {
                    // it asks for what ocirun refuses
                }
                dev.ocitk.ocirun.cgroups.V1Resources.plan(full.linux().resources());
                dev.ocitk.ocirun.cgroups.DeviceRules.v1Writes(dev.ocitk.ocirun.cgroups.DeviceRules.effective(
                        full.linux().resources().devices(), full.linux().devices()));
                try {
                    dev.ocitk.ocirun.cgroups.V2Resources.plan(full.linux().resources());
                } catch (OcirunException expected) {
                    // v1-only settings
                }
                dev.ocitk.ocirun.linux.MountOptions.parse(List.of("rbind", "rro", "nosuid", "mode=755", "rprivate"));
            }
            SpecValidator.validate(spec);
            try {
                SpecLoader.parse("{\"ociVersion\": 1, \"process\": {\"args\": \"x\"}}");
            } catch (OcirunException expected) {
                // the error path is part of create too
            }
            InitConfig init = new InitConfig(spec, specBytes, "/b", "/b/rootfs", true,
                    new CgroupMountPlan(false, List.of(new CgroupMountPlan.Hierarchy("cpu", "cpu", "/x")), null),
                    "{}", "{}", false, "/run/x", 4, -1, 3, null);
            dev.ocitk.ocirun.init.InitConfigCodec.decode(dev.ocitk.ocirun.init.InitConfigCodec.encode(init));
            int[] pair = Sys.socketpair();
            try (SyncSocket a = new SyncSocket(pair[0]); SyncSocket b = new SyncSocket(pair[1])) {
                a.send(SyncSocket.READY, new byte[] {1});
                b.receive();
            }
            Sys.poll(new int[] {Sys.pipe()[0]}, 0);

            StateStore store = new StateStore(tmp.resolve("root"));
            store.create("train");
            ContainerState s = new ContainerState("train", "/b", "/b/rootfs", 1, 1, ContainerStatus.CREATED, "now",
                    Map.of("a", "b"), true, List.of(), List.of(), List.of(), List.of());
            store.save(s);
            try (StateStore.Lock ignored = store.lock("train")) {
                store.load("train");
            }
            StateCodec.specState("train", ContainerStatus.RUNNING, 1, "/b", Map.of(), true);
            store.list();
            store.remove("train");
            Features.json();
            MountInfo.readSelf();
            dev.ocitk.ocirun.cgroups.CgroupLayout.detect();
            dev.ocitk.ocirun.lifecycle.ProcStat.read((int) ProcessHandle.current().pid());
            for (String[] args : List.of(
                    new String[] {"--root", tmp.resolve("r").toString(), "state", "nope"},
                    new String[] {"--root", tmp.resolve("r").toString(), "start", "nope"},
                    new String[] {"--root", tmp.resolve("r").toString(), "kill", "nope", "KILL"},
                    new String[] {"--root", tmp.resolve("r").toString(), "delete", "--force", "nope"},
                    new String[] {"--root", tmp.resolve("r").toString(), "create", "--bundle", tmp.toString(), "nope"},
                    new String[] {"--root", tmp.resolve("r").toString(), "list"},
                    new String[] {"features"},
                    new String[] {"--help"})) {
                Main.run(args);
            }
        } finally {
            try (var walk = Files.walk(tmp)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
