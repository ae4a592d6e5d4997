package dev.ocitk.ocirun.cgroups;

import dev.ocitk.ocirun.spec.LinuxSpec;

import java.util.ArrayList;
import java.util.List;

import static dev.ocitk.ocirun.spec.Nulls.list;

/**
 * The device allow-list a container gets: the config's rules in order (config-linux.md#allowed-device-list),
 * then access to the default devices the runtime must supply (config-linux.md#default-devices), then
 * the devices of {@code linux.devices}, which must be usable too. A config that denies everything
 * first, as the usual one does, thus still gets a working /dev/null, /dev/pts and friends.
 */
public final class DeviceRules {
    private DeviceRules() {}

    /** char devices: null, zero, full, random, urandom, tty, console, ptmx, and every pty (major 136). */
    static final List<LinuxSpec.DeviceRule> DEFAULT_ALLOWED = List.of(
            rule("c", null, null, "m"), rule("b", null, null, "m"),
            rule("c", 1L, 3L, "rwm"), rule("c", 1L, 5L, "rwm"), rule("c", 1L, 7L, "rwm"),
            rule("c", 1L, 8L, "rwm"), rule("c", 1L, 9L, "rwm"), rule("c", 5L, 0L, "rwm"),
            rule("c", 5L, 1L, "rwm"), rule("c", 5L, 2L, "rwm"), rule("c", 136L, null, "rwm"));

    private static LinuxSpec.DeviceRule rule(String type, Long major, Long minor, String access) {
        return new LinuxSpec.DeviceRule(true, type, major, minor, access);
    }

    public static List<LinuxSpec.DeviceRule> effective(List<LinuxSpec.DeviceRule> configured, List<LinuxSpec.Device> devices) {
        List<LinuxSpec.DeviceRule> out = new ArrayList<>(list(configured));
        out.addAll(DEFAULT_ALLOWED);
        for (LinuxSpec.Device d : list(devices)) {
            if (d.type().equals("p")) {
                continue; // a fifo is no device; the device controller does not see it
            }
            out.add(rule(d.type().equals("u") ? "c" : d.type(), d.major(), d.minor(), "rwm"));
        }
        return out;
    }

    /** A v1 devices.allow/devices.deny line: "TYPE MAJOR:MINOR ACCESS" with '*' for "all". */
    public static String v1Line(LinuxSpec.DeviceRule r) {
        String type = r.type() == null ? "a" : r.type();
        String access = r.access() == null || r.access().isEmpty() ? "rwm" : r.access();
        return type + " " + (r.major() == null || r.major() < 0 ? "*" : r.major()) + ":"
                + (r.minor() == null || r.minor() < 0 ? "*" : r.minor()) + " " + access;
    }

    public static List<V1Resources.Write> v1Writes(List<LinuxSpec.DeviceRule> rules) {
        List<V1Resources.Write> w = new ArrayList<>();
        for (LinuxSpec.DeviceRule r : rules) {
            w.add(new V1Resources.Write("devices", r.allow() ? "devices.allow" : "devices.deny", v1Line(r), "devices"));
        }
        return w;
    }
}
