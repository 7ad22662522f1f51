package io.portside.cli;

import io.portside.ftp.FtpException;
import io.portside.ftp.Site;
import io.portside.ftp.event.Units;
import io.portside.ftp.tls.FingerprintFile;
import io.portside.ftp.tls.TlsPolicy;
import io.portside.sites.ConfigFolder;
import io.portside.transfer.Direction;
import io.portside.transfer.JobProgress;
import io.portside.transfer.JobState;
import io.portside.transfer.MissingPasswords;
import io.portside.transfer.QueueSettings;
import io.portside.transfer.QueueStore;
import io.portside.transfer.SessionFactory;
import io.portside.transfer.TransferQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code queue list|resume|clear}: the transfers the window (or an earlier run) left unfinished,
 * as {@link QueueStore} saved them in the config folder, on the same {@link TransferQueue}.
 */
final class QueueCommand implements Command {
    @Override
    public String name() {
        return "queue";
    }

    @Override
    public String operands() {
        return "list|resume|clear";
    }

    @Override
    public String description() {
        return """
                The transfers the window left unfinished (queued, paused, failed, or cut off by the quit),
                saved in queue.json in the config folder (--config DIR; default the window's).
                list shows each: state, direction, bytes done of the size, site, source -> target.
                resume runs them all to the end with this command line's options: downloads continue from
                their .part, uploads from the .part on the server; finished ones leave the saved queue,
                failed ones stay in it (exit 1). A site's password comes from the saved sites when one
                stores it (the master password from --master-password-file FILE or typed on the terminal),
                else it is asked on the terminal, once per site. Certificates trusted in the window are
                trusted here too (besides --trust-fingerprint).
                clear forgets them all and deletes the .part files they left. While the window (or
                another resume) has the queue open, resume and clear refuse (exit 3); list still shows it.
                A queue.json that cannot be read, or that a newer Portside wrote, is renamed aside and
                said so (exit 3); the window does the same.""";
    }

    @Override
    public int run(CommandContext ctx) throws FtpException, CliException {
        String what = ctx.operands(1, 1).get(0);
        if (!List.of("list", "resume", "clear").contains(what)) {
            throw ctx.usage("queue takes list, resume or clear, not '" + TerminalText.printable(what) + "'");
        }
        String given = ctx.options().config();
        Path config = given == null ? ConfigFolder.standard() : ctx.local(given, "folder");
        QueueStore store = new QueueStore(config);
        // the certificates trusted in the window count here too, beside --trust-fingerprint
        TlsPolicy tls = new TlsPolicy(ctx.tlsPolicy().pinned(),
                new FingerprintFile(config.resolve(ConfigFolder.TRUSTED_CERTIFICATES)), null);
        SessionFactory sessions = (site, owner) -> ctx.open(site, owner, tls);
        return switch (what) {
            case "list" -> list(ctx, store);
            case "resume" -> resume(ctx, store, new QueuePasswords(ctx, config), sessions);
            default -> clear(ctx, store, new QueuePasswords(ctx, config), sessions);
        };
    }

    private static int list(CommandContext ctx, QueueStore store) throws CliException {
        try (TransferQueue queue = new TransferQueue(QueueSettings.defaults(), (site, owner) -> {
            throw new FtpException("listing the saved queue opens no connection");
        })) {
            List<JobProgress> jobs = usable(store, queue.viewFrom(store), queue);
            if (jobs.isEmpty()) {
                ctx.out().println("no unfinished transfers saved in " + store.file());
            }
            for (JobProgress j : jobs) {
                ctx.out().println(line(j));
            }
        }
        return ExitCode.OK;
    }

    /** "paused    download  819,200 / 2,000,000 bytes  ftp://bob@host:21  /big.bin -> /home/bob/big.bin". */
    static String line(JobProgress j) {
        String bytes = j.job().directory() ? "folder"
                : Units.bytes(j.bytesDone(), Locale.ROOT) + " / "
                + (j.bytesTotal() < 0 ? "?" : Units.bytes(j.bytesTotal(), Locale.ROOT)) + " bytes";
        String direction = j.job().direction() == Direction.DOWNLOAD ? "download" : "upload";
        String failed = j.state() == JobState.FAILED && j.message() != null ? "  (" + j.message() + ")" : "";
        return TerminalText.printable(String.format(Locale.ROOT, "%-8s  %-8s  %s  %s  %s -> %s%s",
                j.state().name().toLowerCase(Locale.ROOT), direction, bytes, j.job().site(), j.job().source(),
                j.target(), failed));
    }

    private static int resume(CommandContext ctx, QueueStore store, QueuePasswords passwords, SessionFactory sessions)
            throws FtpException, CliException {
        long start = System.nanoTime();
        List<JobProgress> jobs;
        try (QueueRun run = new QueueRun(ctx, ctx.options().parallel(), new MissingPasswords(sessions, passwords))) {
            List<JobProgress> saved = usable(store, run.queue().restoreFrom(store), run.queue());
            if (saved.isEmpty()) {
                ctx.out().println("no unfinished transfers saved in " + store.file());
                return ExitCode.OK;
            }
            passwords.askFor(sites(saved), true);
            // Ctrl-C or a kill: the running jobs stop as paused and the queue is saved as it is now
            Thread onExit = new Thread(run::close, "portside-queue-save");
            Runtime.getRuntime().addShutdownHook(onExit);
            try {
                jobs = run.resumeAll();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(onExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running
                }
            }
        }
        for (JobProgress j : jobs) {
            if (j.state() == JobState.DONE && !j.job().directory()) {
                boolean down = j.job().direction() == Direction.DOWNLOAD;
                ctx.out().println(TerminalText.printable((down ? "downloaded " : "uploaded ") + j.job().source()
                        + " to " + j.target() + (down ? " from " : " on ") + j.job().site() + " ("
                        + Units.bytes(j.bytesDone(), Locale.ROOT) + " bytes"
                        + (j.message() == null ? "" : "; " + j.message()) + ")"));
            }
        }
        return MirrorCommand.summary(jobs, ctx, start);
    }

    private static int clear(CommandContext ctx, QueueStore store, QueuePasswords passwords, SessionFactory sessions)
            throws CliException {
        try (TransferQueue queue = new TransferQueue(QueueSettings.defaults(), new MissingPasswords(sessions, passwords))) {
            List<JobProgress> saved = usable(store, queue.restoreFrom(store), queue);
            // an upload's .part is on the server: deleting it takes a login
            List<JobProgress> uploads = saved.stream().filter(j -> j.job().direction() == Direction.UPLOAD).toList();
            List<Site> without = passwords.askFor(sites(uploads), false);
            queue.remove(queue.ids());
            queue.start(); // the workers delete the .part files
            try {
                queue.awaitIdle(Duration.ofMinutes(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ctx.out().println("cleared " + saved.size() + " saved transfer" + (saved.size() == 1 ? "" : "s") + " from "
                    + store.file());
            for (Site site : without) {
                ctx.err().println("portside: note: no password for " + site + ", so the .part files of its uploads"
                        + " stay on the server");
            }
        }
        return ExitCode.OK;
    }

    /** The restored jobs; a file that could not be used is a local failure, said in words. */
    private static List<JobProgress> usable(QueueStore store, QueueStore.Restored r, TransferQueue queue)
            throws CliException {
        if (r.problem() != null) {
            throw CliException.localFile("the saved queue " + store.file() + " was not used: " + r.problem()
                    + (r.keptAside() == null ? "" : "; it was kept as " + r.keptAside()
                    + ", and the saved queue starts empty"), null);
        }
        return queue.snapshot();
    }

    private static List<Site> sites(List<JobProgress> jobs) {
        Map<String, Site> sites = new LinkedHashMap<>();
        jobs.forEach(j -> sites.putIfAbsent(j.job().site().toString(), j.job().site()));
        return List.copyOf(sites.values());
    }
}
