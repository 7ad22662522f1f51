package io.portside.cli;

import io.portside.ftp.PortRange;
import io.portside.probe.ProbeServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * {@code portside probe-server --listen ADDR:PORT [--passive-ports MIN-MAX]}: runs the open
 * probe ({@link ProbeServer}) until stopped. One line per session goes to stderr.
 */
final class ProbeServerCommand implements Command {
    @Override
    public String name() {
        return "probe-server";
    }

    @Override
    public String operands() {
        return "--listen ADDR:PORT [--passive-ports MIN-MAX]";
    }

    @Override
    public String description() {
        return """
                Runs the open probe: a minimal FTP-like service that tells a client (any user name
                and password) what it saw: the address its connection came from, its PORT or EPRT
                argument exactly as it arrived, whether a connection back to it worked, and whether
                it reached a passive port. portside diagnose --probe HOST:PORT reads those reports.
                The probe connects to no address but the client's own (no FTP bounce, no relay), to
                no port below 1024, binds passive ports only in --passive-ports, and takes at most
                8 sessions at once (2 per address), 120 s and 60 commands each. Stop it with Ctrl-C.""";
    }

    @Override
    public int run(CommandContext ctx) throws CliException {
        ctx.operands(0, 0);
        if (ctx.options().listen() == null) {
            throw ctx.usage("probe-server needs --listen ADDR:PORT");
        }
        HostPort listen = HostPort.parse("--listen", ctx.options().listen());
        ProbeServer.Limits limits = ProbeServer.Limits.defaults(passivePorts(ctx.options().passivePorts()));
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(listen.host()), listen.port());
        } catch (UnknownHostException e) {
            throw CliException.usage("--listen: the address " + TerminalText.printable(listen.host())
                    + " could not be resolved");
        }
        try (ProbeServer server = ProbeServer.start(address, limits, line -> {
            ctx.err().println(line);
            ctx.err().flush();
        })) {
            ctx.out().println("Portside probe listening on " + io.portside.ftp.event.AddressText.of(server.address())
                    + " (passive ports " + limits.passivePorts().min() + "-" + limits.passivePorts().max() + "; at most "
                    + limits.maxSessions() + " sessions at once, " + limits.maxPerPeer() + " per address, "
                    + limits.sessionTime().toSeconds() + " s and " + limits.maxCommands() + " commands each)");
            ctx.out().flush();
            server.await();
        } catch (IOException e) {
            throw CliException.localFile("the probe cannot listen on " + ctx.options().listen() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    static PortRange passivePorts(String value) throws CliException {
        if (value == null) {
            return ProbeServer.Limits.DEFAULT_PASSIVE;
        }
        String[] parts = value.strip().split("-", -1);
        try {
            int min = Integer.parseInt(parts[0]);
            int max = parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
            if (parts.length == 2 && min >= 1024 && min <= max && max <= 65535) {
                return new PortRange(min, max);
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw CliException.usage("--passive-ports must be MIN-MAX with ports from 1024 to 65535, such as 40900-40999,"
                + " not '" + TerminalText.printable(value) + "'");
    }
}
