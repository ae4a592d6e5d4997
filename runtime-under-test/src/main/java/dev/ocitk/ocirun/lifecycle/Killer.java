package dev.ocitk.ocirun.lifecycle;

import dev.ocitk.ocirun.Faults;

/** The kill operation (runtime.md#kill): signal a created or running container; anything else is an error. */
public final class Killer {
    private final StateStore store;

    public Killer(StateStore store) {
        this.store = store;
    }

    public void kill(String id, int signal, boolean all) {
        Container c = Container.load(store, id);
        ContainerStatus status = c.status();
        if (!status.canKill()) {
            throw status.cannot("kill", id);
        }
        if (Faults.KILL_NO_SIGNAL.active()) {
            return;
        }
        if (all) {
            Signaller.signalAll(c.state(), signal);
        } else {
            Signaller.signal(c.state(), signal);
        }
    }
}
