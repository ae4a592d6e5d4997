package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.lifecycle.Container;
import dev.ocitk.ocirun.lifecycle.ContainerStatus;

import java.util.ArrayList;
import java.util.List;

import static dev.ocitk.ocirun.cli.ArgParser.flag;
import static dev.ocitk.ocirun.cli.ArgParser.value;

/** {@code list [-q] [--format table|json]}: the containers under --root. */
public final class ListCommand implements Verb {
    @Override
    public ArgParser.Syntax syntax() {
        return new ArgParser.Syntax("list", "List the containers under --root.",
                List.of(flag("print only the ids", "--quiet", "-q"),
                        value("table|json", "table", "output format", "--format", "-f")), List.of(), 0);
    }

    @Override
    public int run(Globals g, ArgParser.Parsed a) {
        boolean quiet = a.flag("--quiet");
        String format = a.value("--format");
        if (!format.equals("table") && !format.equals("json")) {
            throw new OcirunException("--format must be table or json, got \"" + format + "\"");
        }
        List<Container> containers = new ArrayList<>();
        for (String id : g.store().list()) {
            try {
                containers.add(Container.load(g.store(), id));
            } catch (OcirunException e) {
                if (quiet) {
                    System.out.println(id); // being created, or its state is unreadable: still listed by id
                }
            }
        }
        if (quiet) {
            containers.forEach(c -> System.out.println(c.id()));
            return 0;
        }
        if (format.equals("json")) {
            StringBuilder sb = new StringBuilder("[");
            for (Container c : containers) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                ContainerStatus st = c.status();
                sb.append("{\"ociVersion\":\"1.3.0\",\"id\":").append(dev.ocitk.ocirun.Log.quote(c.id()))
                        .append(",\"pid\":").append(st.hasPid() ? c.state().pid() : 0)
                        .append(",\"status\":\"").append(st.specName()).append('"')
                        .append(",\"bundle\":").append(dev.ocitk.ocirun.Log.quote(c.state().bundle()))
                        .append(",\"rootfs\":").append(dev.ocitk.ocirun.Log.quote(String.valueOf(c.state().rootfs())))
                        .append(",\"created\":").append(dev.ocitk.ocirun.Log.quote(String.valueOf(c.state().created())))
                        .append('}');
            }
            System.out.println(sb.append(']'));
            return 0;
        }
        System.out.printf("%-20s %-8s %-10s %-40s %s%n", "ID", "PID", "STATUS", "BUNDLE", "CREATED");
        for (Container c : containers) {
            ContainerStatus st = c.status();
            System.out.printf("%-20s %-8d %-10s %-40s %s%n", c.id(), st.hasPid() ? c.state().pid() : 0, st.specName(),
                    c.state().bundle(), c.state().created());
        }
        return 0;
    }
}
