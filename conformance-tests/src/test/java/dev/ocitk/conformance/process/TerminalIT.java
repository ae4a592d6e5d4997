package dev.ocitk.conformance.process;

import dev.ocitk.conformance.Await;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.ConsoleSocket;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;

import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * process.terminal (config.md#process): with {@code terminal: true} the program's stdio is a pseudoterminal, and in
 * the runc dialect the runtime hands the master side to its caller over {@code --console-socket} during create. The
 * test receives the master (SCM_RIGHTS, {@link ConsoleSocket}), types a line into it and reads the program's answer
 * back: a conversation only a real terminal passed the right way can carry.
 */
@Tag("process")
class TerminalIT {

    private static final Duration WAIT = Await.DEFAULT_TIMEOUT;

    /** Records which stdio streams are terminals, announces itself, answers one line. */
    private static final String PROGRAM = "n=0; for fd in 0 1 2; do [ -t $fd ] && n=$((n+1)); done;"
            + " echo $n > /ocitk/out/ttys; tty > /ocitk/out/ttyname; echo ocitk-ready; read line; echo \"got:$line\"";

    @ConformanceTest
    @Requirement({"process.terminal.stdio-is-terminal", "process.terminal.console-socket"})
    void programTalksThroughThePseudoterminalTheCallerReceives(RuntimeUnderTest runtime) throws IOException {
        Bundle bundle = runtime.bundle().terminal(true).args(sh(PROGRAM)).build();
        Path socket = runtime.scratchDir().resolve("console.sock");

        try (ConsoleSocket console = ConsoleSocket.listen(socket)) {
            Container container = console.create(runtime, bundle);

            OptionalInt master = console.receiveMaster(WAIT);
            assertThat(master).as("descriptor received on the console socket during create").isPresent();
            assertThat(console.masterIsTerminal()).as("the received descriptor is a terminal").isTrue();

            container.start();
            String greeting = console.readUntil("ocitk-ready", WAIT);
            assertThat(greeting).as("what the program wrote to its terminal").contains("ocitk-ready");
            console.type("ocitk-ping\n", WAIT);
            String answer = console.readUntil("got:ocitk-ping", WAIT);
            container.awaitStatus("stopped");
            container.delete();

            assertThat(answer).as("the program's answer to a line typed into the master").contains("got:ocitk-ping");
            assertThat(bundle.out("ttys").map(String::strip)).as("how many of stdin, stdout, stderr are terminals").contains("3");
            runtime.observe("terminal.ttyname", bundle.out("ttyname").orElse("").strip());
        }
    }
}
