package dev.ocitk.ocirun.lifecycle;

import dev.ocitk.ocirun.OcirunException;

/**
 * The status values of runtime.md#state with the operations each allows (runtime.md#operations):
 * start only from created, kill from created or running, delete only from stopped.
 */
public enum ContainerStatus {
    CREATING("creating"),
    CREATED("created"),
    RUNNING("running"),
    STOPPED("stopped");

    private final String specName;

    ContainerStatus(String specName) {
        this.specName = specName;
    }

    /** The lower-case name the state document uses. */
    public String specName() {
        return specName;
    }

    public boolean canStart() {
        return this == CREATED;
    }

    public boolean canKill() {
        return this == CREATED || this == RUNNING;
    }

    public boolean canDelete() {
        return this == STOPPED;
    }

    /** Whether the state document must carry a pid (runtime.md#state: created or running on Linux). */
    public boolean hasPid() {
        return this == CREATED || this == RUNNING;
    }

    public static ContainerStatus parse(String s) {
        for (ContainerStatus c : values()) {
            if (c.specName.equals(s)) {
                return c;
            }
        }
        throw new OcirunException("corrupt state: unknown status \"" + s + "\"");
    }

    /** The one-line error for an operation this status does not allow, naming both. */
    public OcirunException cannot(String operation, String id) {
        return new OcirunException("cannot " + operation + " container \"" + id + "\": it is " + specName);
    }
}
