package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * uid/gid mappings of the user namespace and of id-mapped mounts (config-linux.md#user-namespace-mappings,
 * config.md#posix-platform-mounts), checked the way the kernel checks a uid_map write (user_namespaces(7)).
 */
public final class IdMappingRules implements RuleSet {

    private static final String SPEC = "config-linux.md#user-namespace-mappings";

    public static final Rule OVERLAP = new Rule("linux.idmappings.overlap", Level.ERROR, SPEC,
            "The ranges of one mapping list overlap neither inside the container nor on the host (the kernel"
                    + " refuses such a map).");
    public static final Rule USER_UNMAPPED = new Rule("linux.idmappings.user-unmapped", Level.WARNING, SPEC,
            "With a user namespace and mappings, process.user's uid, gid and additionalGids are mapped; the"
                    + " runtime cannot switch to an unmapped ID.");

    /** One mapping range. */
    private record Range(long container, long host, long size, String pointer) {
        boolean containsContainerId(long id) {
            return id >= container && id - container < size;
        }
    }

    @Override
    public List<Rule> rules() {
        return List.of(OVERLAP, USER_UNMAPPED);
    }

    @Override
    public void check(CheckContext ctx) {
        if (ctx.platform() != Platform.LINUX) {
            return;
        }
        Nodes.At linux = ctx.root().get("linux");
        List<Range> uids = ranges(linux.get("uidMappings"));
        List<Range> gids = ranges(linux.get("gidMappings"));
        overlaps(ctx, uids, "uidMappings");
        overlaps(ctx, gids, "gidMappings");
        for (Nodes.At mount : ctx.root().get("mounts").elements()) {
            overlaps(ctx, ranges(mount.get("uidMappings")), "uidMappings");
            overlaps(ctx, ranges(mount.get("gidMappings")), "gidMappings");
        }
        if (!Namespaces.has(ctx, "user")) {
            return;
        }
        Nodes.At user = ctx.root().get("process").get("user");
        unmapped(ctx, user.get("uid"), uids, "uid", "uidMappings");
        unmapped(ctx, user.get("gid"), gids, "gid", "gidMappings");
        for (Nodes.At gid : user.get("additionalGids").elements()) {
            unmapped(ctx, gid, gids, "additional gid", "gidMappings");
        }
    }

    private static List<Range> ranges(Nodes.At list) {
        List<Range> out = new ArrayList<>();
        for (Nodes.At m : list.elements()) {
            Long container = m.get("containerID").longValue();
            Long host = m.get("hostID").longValue();
            Long size = m.get("size").longValue();
            if (container != null && host != null && size != null && size > 0) {
                out.add(new Range(container, host, size, m.pointer()));
            }
        }
        return out;
    }

    private static void overlaps(CheckContext ctx, List<Range> ranges, String field) {
        for (int i = 0; i < ranges.size(); i++) {
            for (int j = 0; j < i; j++) {
                Range a = ranges.get(j);
                Range b = ranges.get(i);
                String side = overlap(a.container, a.size, b.container, b.size) ? "container"
                        : overlap(a.host, a.size, b.host, b.size) ? "host" : null;
                if (side != null) {
                    ctx.report(OVERLAP, b.pointer, field + " entry overlaps " + a.pointer + " on the " + side
                            + " side; the kernel refuses overlapping ranges");
                }
            }
        }
    }

    private static boolean overlap(long start1, long size1, long start2, long size2) {
        return start1 < start2 + size2 && start2 < start1 + size1;
    }

    private static void unmapped(CheckContext ctx, Nodes.At id, List<Range> ranges, String what, String field) {
        Long value = id.longValue();
        if (value == null || ranges.isEmpty()) {
            return; // no mappings: the runtime may pick its own, nothing to compare against
        }
        if (ranges.stream().noneMatch(r -> r.containsContainerId(value))) {
            ctx.report(USER_UNMAPPED, id.pointer(), what + " " + value + " is not mapped by linux." + field
                    + ", so the process cannot run as it");
        }
    }
}
