package io.portside.cli;

import io.portside.diagnose.ConnectionDoctor;
import io.portside.diagnose.DiagnosisReport;
import io.portside.diagnose.AttemptOutcome;
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
        return "URL [--redact]";
    }

    @Override
    public String description() {
        return """
                Logs in, then lists the folder once with each data-connection method (PASV, EPSV,
                PORT, EPRT), each on its own session with no fallback. Prints a table of which
                work and how long each took, an explanation of each failure and a recommendation.
                --redact replaces host names and addresses with <server>, <client>, <address>.""";
    }

    @Override
    public int run(CommandContext ctx) throws FtpException, CliException {
        FtpUrl url = ctx.url(ctx.operands(1, 1).get(0));
        DiagnosisReport report = new ConnectionDoctor(url.site(), ctx.options().sessionOptions(), ctx.bus(), ctx.tlsPolicy())
                .run(line -> {
                    System.err.println("diagnose: " + line);
                    System.err.flush();
                });
        ctx.out().print(report.toText(ctx.options().redact()));
        ctx.out().flush();
        boolean anyWorks = report.attempts().stream().anyMatch(a -> a.method() != null && a.outcome() == AttemptOutcome.OK);
        return anyWorks ? ExitCode.OK : ExitCode.REMOTE_FAILURE;
    }
}
