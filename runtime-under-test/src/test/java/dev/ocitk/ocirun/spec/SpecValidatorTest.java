package dev.ocitk.ocirun.spec;

import dev.ocitk.ocirun.OcirunException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecValidatorTest {

    private static Spec spec(String body) {
        return SpecLoader.parse("{\"ociVersion\":\"1.0.2-dev\",\"root\":{\"path\":\"rootfs\"}," + body + "}");
    }

    private static final String PROCESS = "\"process\":{\"cwd\":\"/\",\"args\":[\"sh\"]}";

    @Test
    void acceptsAMinimalConfig() {
        assertThat(SpecValidator.validate(spec(PROCESS))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            duplicate namespace   | "linux":{"namespaces":[{"type":"pid"},{"type":"pid"}]}                              | appears twice
            unknown namespace     | "linux":{"namespaces":[{"type":"bogus"}]}                                           | unknown namespace type
            user namespace        | "linux":{"namespaces":[{"type":"user"}]}                                            | user namespaces are not supported
            relative ns path      | "linux":{"namespaces":[{"type":"network","path":"x"}]}                              | path must be absolute
            duplicate rlimit      | "process":{"cwd":"/","args":["a"],"rlimits":[{"type":"RLIMIT_CORE","soft":1,"hard":1},{"type":"RLIMIT_CORE","soft":1,"hard":1}]} | appears twice
            unknown rlimit        | "process":{"cwd":"/","args":["a"],"rlimits":[{"type":"RLIMIT_BOGUS","soft":1,"hard":1}]} | does not map
            soft above hard       | "process":{"cwd":"/","args":["a"],"rlimits":[{"type":"RLIMIT_CORE","soft":2,"hard":1}]} | above hard limit
            relative cwd          | "process":{"cwd":"tmp","args":["a"]}                                                 | process.cwd must be an absolute path
            no args               | "process":{"cwd":"/","args":[]}                                                      | at least one entry
            relative hook path    | "hooks":{"poststop":[{"path":"bin/true"}]}                                           | must be absolute
            zero hook timeout     | "hooks":{"prestart":[{"path":"/bin/true","timeout":0}]}                              | greater than zero
            hostname without uts  | "hostname":"h"                                                                       | needs a uts namespace
            host sysctl           | "linux":{"namespaces":[{"type":"network"}],"sysctl":{"kernel.panic":"1"}}          | would change the host
            net sysctl without ns | "linux":{"sysctl":{"net.ipv4.ip_forward":"1"}}                                    | needs a network namespace
            bad propagation       | "linux":{"rootfsPropagation":"weird"}                                             | rootfsPropagation
            idmap mount           | "mounts":[{"destination":"/a","type":"bind","source":"/a","options":["rbind","idmap"]}] | ID-mapped mounts
            bad device type       | "linux":{"devices":[{"path":"/dev/x","type":"q","major":1,"minor":1}]}            | type must be c, b, u or p
            apparmor              | "process":{"cwd":"/","args":["a"],"apparmorProfile":"p"}                            | AppArmor
            major version 2       | "ociVersion2":1                                                                     | -
            """)
    void rejects(String what, String body, String message) {
        if (message.equals("-")) {
            assertThatThrownBy(() -> SpecValidator.validate(SpecLoader.parse(
                    "{\"ociVersion\":\"2.0.0\",\"root\":{\"path\":\"r\"}}")))
                    .isInstanceOf(OcirunException.class).hasMessageContaining("not supported");
            return;
        }
        assertThatThrownBy(() -> SpecValidator.validate(spec(body)))
                .as(what).isInstanceOf(OcirunException.class).hasMessageContaining(message);
    }

    @Test
    void unknownCapabilitiesAreWarningsNotErrors() {
        var warnings = SpecValidator.validate(spec("""
                "process":{"cwd":"/","args":["a"],"capabilities":{"bounding":["CAP_KILL","CAP_FROM_THE_FUTURE"]}}"""));
        assertThat(warnings).singleElement().asString().contains("CAP_FROM_THE_FUTURE");
    }

    @Test
    void namespacedSysctlsAreAllowedWithTheirNamespace() {
        assertThat(SpecValidator.validate(spec("""
                "linux":{"namespaces":[{"type":"network"},{"type":"ipc"},{"type":"uts"}],
                 "sysctl":{"net.ipv4.ip_forward":"1","kernel.shmmax":"1","fs.mqueue.msg_max":"10","kernel.hostname":"x"}}""")))
                .isEmpty();
    }

    @Test
    void rejectsVersionsThatAreNotSemVer() {
        assertThatThrownBy(() -> SpecValidator.version("1.0")).hasMessageContaining("not SemVer");
        assertThatThrownBy(() -> SpecValidator.version(null)).hasMessageContaining("required");
        SpecValidator.version("1.0.2-dev");
        SpecValidator.version("1.3.0");
        SpecValidator.version("1.2.0-rc.1+build.5");
    }
}
