package dev.ocitk.ocirun.linux;

import dev.ocitk.ocirun.OcirunException;

/** A failed system call: the message is "<what>: <strerror>", the errno is kept for callers that branch on it. */
public final class SyscallException extends OcirunException {
    private final int errno;

    public SyscallException(String what, int errno) {
        super(what + ": " + Sys.errnoText(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
