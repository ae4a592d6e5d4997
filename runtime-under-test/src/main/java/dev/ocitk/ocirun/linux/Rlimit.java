package dev.ocitk.ocirun.linux;

import java.util.Optional;

/** getrlimit(2) resources by kernel number (asm-generic/resource.h, same on x86_64 and arm64). */
public enum Rlimit {
    RLIMIT_CPU(0), RLIMIT_FSIZE(1), RLIMIT_DATA(2), RLIMIT_STACK(3), RLIMIT_CORE(4), RLIMIT_RSS(5),
    RLIMIT_NPROC(6), RLIMIT_NOFILE(7), RLIMIT_MEMLOCK(8), RLIMIT_AS(9), RLIMIT_LOCKS(10),
    RLIMIT_SIGPENDING(11), RLIMIT_MSGQUEUE(12), RLIMIT_NICE(13), RLIMIT_RTPRIO(14), RLIMIT_RTTIME(15);

    private final int resource;

    Rlimit(int resource) {
        this.resource = resource;
    }

    public int resource() {
        return resource;
    }

    public static Optional<Rlimit> parse(String name) {
        for (Rlimit r : values()) {
            if (r.name().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
