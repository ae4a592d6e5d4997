package dev.ocitk.conformance.devices;

import dev.ocitk.conformance.Await;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.ConsoleSocket;
import dev.ocitk.conformance.mounts.MountInfo;

import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Path;

import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /dev/console (config-linux.md#default-devices): with process.terminal set it is the container's pseudoterminal,
 * bind-mounted. The program compares /dev/console with its own terminal; the caller holds the master it received
 * on the console socket ({@link ConsoleSocket}, as in process.TerminalIT).
 */
@Tag("devices")
class ConsoleIT {

    private static final String PROBE = "stat -c '%F %t:%T' /dev/console > /ocitk/out/console;"
            + " stat -L -c '%F %t:%T' $(tty) > /ocitk/out/tty; cat /proc/self/mountinfo > /ocitk/out/mountinfo;"
            + " echo ocitk-done";

    @ConformanceTest
    @Requirement("devices.default.console")
    void consoleIsTheContainersPseudoterminalWhenTerminalIsSet(RuntimeUnderTest runtime) throws IOException {
        Bundle bundle = runtime.bundle().terminal(true).args(sh(PROBE)).build();
        Path socket = runtime.scratchDir().resolve("console.sock");
        try (ConsoleSocket console = ConsoleSocket.listen(socket)) {
            Container container = console.create(runtime, bundle);
            assertThat(console.receiveMaster(Await.DEFAULT_TIMEOUT)).as("pseudoterminal master received during create")
                    .isPresent();

            container.start();
            console.readUntil("ocitk-done", Await.DEFAULT_TIMEOUT);
            container.awaitStatus("stopped");
        }

        String tty = bundle.out("tty").orElse("<none>").strip();
        assertThat(tty).as("the program's terminal").startsWith("character special file 88:");
        assertThat(bundle.out("console").map(String::strip)).as("/dev/console, which must be that terminal (%s)", tty)
                .contains(tty);
        MountInfo table = MountInfo.parse(bundle.out("mountinfo").orElse(""));
        assertThat(table.at("/dev/console")).as("mount at /dev/console (the pseudoterminal bind-mounted there)")
                .hasValueSatisfying(l -> assertThat(l.fsType()).isEqualTo("devpts"));
    }
}
