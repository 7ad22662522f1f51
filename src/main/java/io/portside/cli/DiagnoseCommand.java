package io.portside.cli;

import io.portside.diagnose.ConnectionDoctor;
import io.portside.diagnose.DiagnosisReport;
import io.portside.diagnose.AttemptOutcome;
import io.portside.diagnose.ProbeCheck;
import io.portside.diagnose.ProbeResult;
import io.portside.ftp.FtpException;

/**
 * {@code portside diagnose URL [--redact]}: runs the {@link ConnectionDoctor} and prints its
 * report. One progress line per step goes to stderr as it runs. Exit 0 when at least one
 * data-connection method works, 1 when none does or the login failed.
 */
final class DiagnoseCommand implements Command {
    @Override
    public String name() {
        return "diagnose";
    }

    @Override
    public String operands() {
        return "URL [--redact] | [URL] --probe HOST:PORT";
    }

    @Override
    public String description() {
        return """
                Logs in, then lists the folder once with each data-connection method (PASV, EPSV,
                PORT, EPRT), each on its own session with no fallback. Prints a table of which
                work and how long each took, an explanation of each failure and a recommendation.
                --redact replaces host names and addresses with <server>, <client>, <address>.
                --probe HOST:PORT checks against a Portside probe (portside probe-server) the same
                way, and the probe reports what it saw: the address our connection came from, our
                PORT/EPRT exactly as it arrived (a router's rewrite shows), and whether its
                connection back to us and our connection to its passive port worked.""";
    }

    @Override
    public int run(CommandContext ctx) throws FtpException, CliException {
        if (ctx.options().probe() != null) {
            return withProbe(ctx);
        }
        return doctor(ctx, ctx.url(ctx.operands(1, 1).get(0)));
    }

    /** The doctor on the URL, if one was given, then the probe check. */
    private int withProbe(CommandContext ctx) throws FtpException, CliException {
        HostPort probe = HostPort.parse("--probe", ctx.options().probe());
        java.util.List<String> ops = ctx.operands(0, 1);
        int code = ops.isEmpty() ? ExitCode.OK : doctor(ctx, ctx.url(ops.get(0)));
        ProbeResult result = new ProbeCheck(probe.host(), probe.port(), ctx.options().sessionOptions(), ctx.bus(),
                java.util.Locale.getDefault()).run(line -> progress(ctx, line));
        if (!ops.isEmpty()) {
            ctx.out().println();
        }
        ctx.out().print(result.toText());
        ctx.out().flush();
        return code == ExitCode.OK && result.anyWorks() ? ExitCode.OK : ExitCode.REMOTE_FAILURE;
    }

    private static void progress(CommandContext ctx, String line) {
        ctx.err().println("diagnose: " + line);
        ctx.err().flush();
    }

    private int doctor(CommandContext ctx, FtpUrl url) throws FtpException, CliException {
        DiagnosisReport report = new ConnectionDoctor(url.site(), ctx.options().sessionOptions(), ctx.bus(), ctx.tlsPolicy())
                .run(line -> progress(ctx, line));
        ctx.out().print(report.toText(ctx.options().redact()));
        ctx.out().flush();
        boolean anyWorks = report.attempts().stream().anyMatch(a -> a.method() != null && a.outcome() == AttemptOutcome.OK);
        return anyWorks ? ExitCode.OK : ExitCode.REMOTE_FAILURE;
    }
}
