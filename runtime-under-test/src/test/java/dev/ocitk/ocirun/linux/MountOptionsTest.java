package dev.ocitk.ocirun.linux;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ocitk.ocirun.linux.MountOptions.*;
import static org.assertj.core.api.Assertions.assertThat;

class MountOptionsTest {

    @Test
    void mapsFlagOptionsOntoMountFlags() {
        Parsed p = parse(List.of("nosuid", "nodev", "noexec", "ro", "strictatime"));
        assertThat(p.flags()).isEqualTo(MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RDONLY | MS_STRICTATIME);
        assertThat(p.data()).isEmpty();
        assertThat(p.isBind()).isFalse();
    }

    @Test
    void laterOptionsOverrideEarlierOnesAsInMount8() {
        assertThat(parse(List.of("ro", "rw")).flags() & MS_RDONLY).isZero();
        assertThat(parse(List.of("rw", "ro")).flags() & MS_RDONLY).isEqualTo(MS_RDONLY);
        assertThat(parse(List.of("nosuid", "suid")).flags()).isZero();
    }

    @Test
    void unknownOptionsAreFilesystemDataInOrder() {
        Parsed p = parse(List.of("nosuid", "mode=755", "size=65536k", "newinstance"));
        assertThat(p.data()).isEqualTo("mode=755,size=65536k,newinstance");
        assertThat(p.flags()).isEqualTo(MS_NOSUID);
    }

    @Test
    void bindAndRbind() {
        assertThat(parse(List.of("bind")).isBind()).isTrue();
        assertThat(parse(List.of("bind")).isRecursiveBind()).isFalse();
        assertThat(parse(List.of("rbind", "ro")).isRecursiveBind()).isTrue();
        assertThat(parse(List.of("rbind", "ro")).remountFlags()).isEqualTo(MS_RDONLY);
    }

    @Test
    void propagationIsSeparateCallsInListedOrder() {
        Parsed p = parse(List.of("rbind", "rprivate", "shared"));
        assertThat(p.propagation()).containsExactly(MS_PRIVATE | MS_REC, MS_SHARED);
        assertThat(p.flags() & (MS_PRIVATE | MS_SHARED)).isZero();
    }

    @Test
    void recursiveOptionsBecomeMountSetattrAttributes() {
        Parsed p = parse(List.of("rbind", "rro", "rnosuid", "rnodev"));
        assertThat(p.attrSet()).isEqualTo(MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV);
        assertThat(p.attrClr()).isZero();
        Parsed q = parse(List.of("rro", "rrw"));
        assertThat(q.attrSet() & MOUNT_ATTR_RDONLY).isZero();
        assertThat(q.attrClr() & MOUNT_ATTR_RDONLY).isEqualTo(MOUNT_ATTR_RDONLY);
    }

    @Test
    void recursiveAtimeClearsTheWholeAtimeFieldAndSetsOneMode() {
        Parsed p = parse(List.of("rnoatime"));
        assertThat(p.attrClr()).isEqualTo(MOUNT_ATTR__ATIME);
        assertThat(p.attrSet()).isEqualTo(MOUNT_ATTR_NOATIME);
        Parsed q = parse(List.of("rnoatime", "rrelatime"));
        assertThat(q.attrSet() & MOUNT_ATTR__ATIME).isEqualTo(MOUNT_ATTR_RELATIME);
        assertThat(q.hasRecursiveAttrs()).isTrue();
    }

    @Test
    void tmpcopyupIsHandledByTheRuntime() {
        Parsed p = parse(List.of("tmpcopyup", "mode=755"));
        assertThat(p.tmpcopyup()).isTrue();
        assertThat(p.data()).isEqualTo("mode=755");
    }

    @Test
    void knowsEveryMustOptionOfTheSpecTable() {
        List<String> must = List.of("async", "atime", "bind", "defaults", "dev", "diratime", "dirsync", "exec",
                "iversion", "lazytime", "loud", "noatime", "nodev", "nodiratime", "noexec", "noiversion", "nolazytime",
                "norelatime", "nostrictatime", "nosuid", "private", "rbind", "relatime", "remount", "ro", "rprivate",
                "rshared", "rslave", "runbindable", "rw", "shared", "silent", "slave", "strictatime", "suid", "sync",
                "unbindable");
        assertThat(known()).containsAll(must);
        assertThat(known()).doesNotContain("idmap", "ridmap");
    }
}
