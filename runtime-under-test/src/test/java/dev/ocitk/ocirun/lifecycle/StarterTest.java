package dev.ocitk.ocirun.lifecycle;

import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.linux.Sys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exec-fifo handshake of start, against a stand-in for the init (a shell that opens the fifo for
 * writing and writes what the real init writes). No namespaces, so no root needed.
 */
class StarterTest {
    @TempDir
    Path root;

    private StateStore store;

    private Process standIn(String id, String script) throws Exception {
        return standIn(id, script, true);
    }

    private Process standIn(String id, String script, boolean opensFifo) throws Exception {
        store = new StateStore(root);
        store.create(id);
        Path fifo = store.fifo(id);
        Sys.mkfifo(fifo.toString(), 0600);
        Process p = new ProcessBuilder("/bin/sh", "-c", (opensFifo ? "exec 3>" + fifo + "; " : "") + script).start();
        long start = ProcStat.read((int) p.pid()).orElseThrow().startTime();
        store.save(new ContainerState(id, root.toString(), root.toString(), (int) p.pid(), start, ContainerStatus.CREATED,
                "now", Map.of(), true, List.of(), List.of(), List.of(), List.of()));
        return p;
    }

    @Test
    void aZeroBeforeTheFifoClosesMeansTheProgramRan() throws Exception {
        Process p = standIn("ok", "printf 0 >&3; exec 3>&-; exec sleep 30");
        new Starter(store).start("ok");
        assertThat(store.load("ok").status()).isEqualTo(ContainerStatus.RUNNING);
        assertThat(Files.exists(store.fifo("ok"))).as("start consumes the fifo").isFalse();
        assertThat(Container.load(store, "ok").status()).isEqualTo(ContainerStatus.RUNNING);
        p.destroyForcibly().waitFor();
        assertThat(Container.load(store, "ok").status()).isEqualTo(ContainerStatus.STOPPED);
    }

    @Test
    void aContainerWhoseInitDiedIsStoppedAndStartHasNoEffectOnIt() throws Exception {
        Process p = standIn("gone", "read x", false);
        p.getOutputStream().close();
        p.waitFor();
        assertThatThrownBy(() -> new Starter(store).start("gone")).hasMessage("cannot start container \"gone\": it is stopped");
        assertThat(store.exists("gone")).as("an error has no effect: the container stays for delete").isTrue();
    }

    @Test
    void anErrorWrittenWhileStartReadsIsReported() throws Exception {
        // The stand-in blocks in open() until start opens the read end, like the real init.
        Process p = standIn("err", "printf 'Ehook failed' >&3");
        assertThatThrownBy(() -> new Starter(store).start("err")).hasMessage("cannot start container \"err\": hook failed");
        p.waitFor();
    }

    @Test
    void startOfAContainerThatIsNotCreatedIsAnErrorWithoutEffect() throws Exception {
        Process p = standIn("twice", "printf 0 >&3; exec 3>&-; exec sleep 30");
        new Starter(store).start("twice");
        assertThatThrownBy(() -> new Starter(store).start("twice")).hasMessage("cannot start container \"twice\": it is running");
        assertThat(store.load("twice").status()).isEqualTo(ContainerStatus.RUNNING);
        p.destroyForcibly().waitFor();
        assertThatThrownBy(() -> new Starter(store).start("twice")).hasMessage("cannot start container \"twice\": it is stopped");
    }
}
