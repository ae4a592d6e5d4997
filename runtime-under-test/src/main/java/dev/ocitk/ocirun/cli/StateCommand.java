package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.Faults;
import dev.ocitk.ocirun.lifecycle.Container;
import dev.ocitk.ocirun.lifecycle.ContainerState;
import dev.ocitk.ocirun.lifecycle.ContainerStatus;
import dev.ocitk.ocirun.lifecycle.StateCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code state ID}: prints the state document of runtime.md#state. */
@Command(name = "state", description = "Print the state of a container as JSON (runtime.md#query-state).")
public final class StateCommand extends Verb {
    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    int run() {
        Container c = Container.load(store(), id);
        ContainerState s = c.state();
        ContainerStatus status = c.status();
        if (status == ContainerStatus.CREATED && Faults.STATE_CREATED_AS_RUNNING.active()) {
            status = ContainerStatus.RUNNING;
        }
        int pid = status.hasPid() && !Faults.STATE_NO_PID.active() ? s.pid() : 0;
        System.out.println(StateCodec.specState(s.id(), status, pid, s.bundle(), s.annotations(), true));
        return 0;
    }
}
