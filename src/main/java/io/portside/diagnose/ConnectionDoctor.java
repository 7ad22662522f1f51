package io.portside.diagnose;

import io.portside.ftp.event.AddressText;
import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.Protocol;
import io.portside.ftp.ServerCapabilities;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.UserMessage;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ftp.event.Units;
import io.portside.ftp.tls.TlsPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Finds out which data-connection methods work with a server, and explains the ones that do
 * not. Logs in, then lists the home folder once with each of PASV, EPSV, PORT and EPRT.
 *
 * <p>Each method runs on a fresh session, not one session switching modes: a failed data
 * connection can leave a session in a state that colours the next attempt (an aborted
 * transfer's late replies, a server that closes the control connection after a refused
 * PORT), and a fresh session gives each attempt its own {@code ctl#N}, so its events can be
 * told apart cleanly. The cost is one extra login per method, which is cheap.
 *
 * <p>Automatic fallback to the other mode is off and EPSV/EPRT are forced (ALWAYS) or
 * excluded (NEVER), so every row of the table is one method in isolation. The explanations are
 * drawn from the events each attempt published on the bus (the decoded endpoint, a replaced
 * passive address, how a TCP connection failed, the reply codes), which also show in the
 * protocol log as the doctor runs.
 */
public final class ConnectionDoctor {
    static final String OWNER = "diag";
    private final Site site;
    private final SessionOptions base;
    private final ProtocolEventBus bus;
    private final TlsPolicy tlsPolicy;
    private final DoctorText text;

    public ConnectionDoctor(Site site, SessionOptions base, ProtocolEventBus bus) {
        this(site, base, bus, TlsPolicy.systemOnly());
    }

    /** @param tlsPolicy decides about server certificates, for ftpes/ftps and the AUTH TLS test */
    public ConnectionDoctor(Site site, SessionOptions base, ProtocolEventBus bus, TlsPolicy tlsPolicy) {
        this(site, base, bus, tlsPolicy, java.util.Locale.getDefault());
    }

    /** @param locale the language of the explanations and the advice */
    public ConnectionDoctor(Site site, SessionOptions base, ProtocolEventBus bus, TlsPolicy tlsPolicy,
                            java.util.Locale locale) {
        // "TLS if available" is diagnosed as what it is made of: plain FTP, then every method over AUTH TLS
        this.site = site.protocol() == Protocol.FTP_TLS_IF_AVAILABLE
                ? new Site(Protocol.FTP, site.host(), site.port(), site.user(), site.password()) : site;
        this.base = base.withModeFallback(false);
        this.bus = bus;
        this.tlsPolicy = tlsPolicy;
        this.text = new DoctorText(locale);
    }

    /** Runs the diagnosis; blocking, so call it off the UI thread. */
    public DiagnosisReport run() {
        return run(line -> { });
    }

    /**
     * @param progress told one line per finished step ("PASV  OK  12 ms"), for a live view
     */
    public DiagnosisReport run(Consumer<String> progress) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<Attempt> attempts = new ArrayList<>();
        ServerCapabilities[] caps = {ServerCapabilities.NONE};
        Attempt login = attempt(site, null, base, session -> caps[0] = session.capabilities());
        attempts.add(login);
        progress.accept(summary(login));
        List<Attempt> secured = new ArrayList<>();
        if (login.outcome() == AttemptOutcome.OK) {
            for (DataMethod m : DataMethod.values()) {
                Attempt a = attempt(site, m, base.withMode(m.mode(), m.extended()), null);
                attempts.add(a);
                progress.accept(summary(a));
            }
            if (site.protocol() == Protocol.FTP && caps[0].authTls()) {
                // Every method once more over explicit FTPS, as a user switching to ftpes:// would get it:
                // a router's FTP helper, for one, rewrites PORT in plain FTP and cannot over TLS.
                Site tlsSite = new Site(Protocol.FTPES, site.host(), site.port(), site.user(), site.password());
                for (DataMethod m : DataMethod.values()) {
                    Attempt a = attempt(tlsSite, m, base.withMode(m.mode(), m.extended()), null);
                    secured.add(a);
                    progress.accept(summary(a));
                    if (a.outcome() != AttemptOutcome.OK && a.evidence().replyTo(m.name()).isEmpty()) {
                        break; // TLS itself failed before any data method: the others would fail the same way
                    }
                }
            }
        }
        return report(attempts, secured, caps[0], started, Duration.ofNanos(System.nanoTime() - t0));
    }

    private interface Step {
        void on(FtpSession session) throws FtpException;
    }

    /** One step on its own session; its events are collected through a subscription of their own. */
    private Attempt attempt(Site target, DataMethod method, SessionOptions options, Step onLogin) {
        String owner = OWNER + " " + (target.protocol() != site.protocol() ? "TLS"
                : method == null ? "login" : method.name());
        List<ProtocolEvent> seen = new ArrayList<>();
        AttemptOutcome outcome = AttemptOutcome.OK;
        FtpException error = null;
        int entries = -1;
        long start = System.nanoTime();
        long listStart = start;
        ProtocolEventBus.Subscription sub = bus.subscribe(e -> {
            if (owner.equals(e.connection().owner())) {
                synchronized (seen) {
                    seen.add(e);
                }
            }
        });
        try {
            try (FtpSession s = FtpSession.open(target, options, bus, owner, tlsPolicy)) {
                if (onLogin != null) {
                    onLogin.on(s);
                }
                listStart = System.nanoTime();
                if (method != null) {
                    entries = s.list(null).size();
                }
            }
        } catch (FtpException e) {
            outcome = AttemptOutcome.FAILED;
            error = e;
        } finally {
            sub.close(); // delivers what is queued: every event of this session is in `seen` now
        }
        long end = System.nanoTime();
        Duration took = Duration.ofNanos(method == null ? listStart - start : end - listStart);
        List<ProtocolEvent> events;
        synchronized (seen) {
            events = onlyFirstSession(seen);
        }
        return new Attempt(method, outcome, took, entries, error, events, target.protocol() != site.protocol());
    }

    /** Another doctor on the same bus uses the same owner; its sessions have other numbers. */
    private static List<ProtocolEvent> onlyFirstSession(List<ProtocolEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        int session = events.get(0).connection().session();
        return events.stream().filter(e -> e.connection().session() == session).toList();
    }

    private DiagnosisReport report(List<Attempt> attempts, List<Attempt> secured, ServerCapabilities caps,
                                   Instant started, Duration took) {
        Evidence login = attempts.get(0).evidence();
        String server = login.control().map(c -> AddressText.of(c.remote().getAddress())).orElse(null);
        String client = login.control().map(c -> AddressText.of(c.local().getAddress())).orElse(null);
        List<String> explanations = new ArrayList<>();
        List<String> others = new ArrayList<>();
        Explainer explainer = new Explainer(text, caps, base.replyTimeout());
        for (Attempt a : attempts) {
            explanations.addAll(explainer.explain(a));
            a.evidence().passiveReplaced().ifPresent(r -> others.add(AddressText.of(r.announced().getAddress())));
        }
        List<String> tlsWhy = explainer.compareTls(attempts, secured);
        for (Attempt a : secured) {
            // Where the plain run already explained the same failure, the TLS row needs no second
            // sentence; nor does a TLS session that failed before its data method (the TLS row says why).
            boolean plainFailedToo = attempts.stream().anyMatch(p -> p.method() == a.method() && p.outcome() != AttemptOutcome.OK);
            boolean reachedMethod = a.evidence().replyTo(a.method().name()).isPresent();
            if (!plainFailedToo && reachedMethod && tlsWhy.stream().noneMatch(w -> w.startsWith(a.method().name() + " "))) {
                explanations.addAll(explainer.explain(a).stream().filter(e -> !explanations.contains(e)).toList());
            }
        }
        explanations.addAll(tlsWhy);
        secured.stream().findFirst().flatMap(a -> a.evidence().replyTo("AUTH")).filter(r -> r.code() >= 400)
                .ifPresent(r -> explanations.add(text.get("tls.authRefused", r.lines().get(r.lines().size() - 1))));
        Attempt tlsAttempt = secured.isEmpty() ? null : secured.get(0);
        String target = new Site(site.protocol(), site.host(), site.port(), site.user(), null).toString();
        return new DiagnosisReport(target, site.host(), server, client, features(caps), attempts,
                TlsFinding.describe(text, site, caps, tlsAttempt, attempts), tlsAttempt, secured,
                explanations, Recommender.recommend(text, attempts, secured), others, started, took, text.locale());
    }

    /** "AUTH TLS, EPSV, SIZE": each feature with its parameters, as FEAT listed it. */
    private static String features(ServerCapabilities caps) {
        return caps.all().entrySet().stream()
                .map(e -> e.getValue().isEmpty() ? e.getKey() : e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private String summary(Attempt a) {
        return String.format(Locale.ROOT, "%-6s %-6s %s", a.step(text), text.get("outcome." + a.outcome().name()),
                a.outcome() == AttemptOutcome.OK ? Units.duration(a.took()) : UserMessage.textOf(a.error(), text.locale()));
    }
}
