package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.Faults;
import dev.ocitk.ocirun.lifecycle.Container;
import dev.ocitk.ocirun.lifecycle.ContainerState;
import dev.ocitk.ocirun.lifecycle.ContainerStatus;
import dev.ocitk.ocirun.lifecycle.StateCodec;

import java.util.List;

/** {@code state ID}: prints the state document of runtime.md#state. */
public final class StateCommand implements Verb {
    @Override
    public ArgParser.Syntax syntax() {
        return new ArgParser.Syntax("state", "Print the state of a container as JSON (runtime.md#query-state).",
                List.of(), List.of("ID"), 1);
    }

    @Override
    public int run(Globals g, ArgParser.Parsed a) {
        Container c = Container.load(g.store(), a.positional(0));
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
