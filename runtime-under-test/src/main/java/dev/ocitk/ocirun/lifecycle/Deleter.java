package dev.ocitk.ocirun.lifecycle;

import dev.ocitk.ocirun.Faults;

/**
 * The delete operation (runtime.md#delete): only a stopped container may be deleted, unless
 * {@code --force} kills it first (runc's extension). Deleting removes what create made and then
 * runs the poststop hooks (config.md#poststop).
 */
public final class Deleter {
    private final StateStore store;

    public Deleter(StateStore store) {
        this.store = store;
    }

    public void delete(String id, boolean force) {
        try (StateStore.Lock ignored = store.lock(id)) {
            Container c;
            try {
                c = Container.load(store, id);
            } catch (dev.ocitk.ocirun.OcirunException e) {
                if (force && store.exists(id)) {
                    // A create that crashed before writing state: nothing but the directory to remove.
                    store.remove(id);
                    return;
                }
                throw e;
            }
            ContainerStatus status = c.status();
            if (!status.canDelete() && !force && !Faults.DELETE_RUNNING.active()) {
                throw status.cannot("delete", id);
            }
            Destroyer.destroy(store, c.state());
        }
    }
}
