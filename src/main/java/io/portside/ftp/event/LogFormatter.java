package io.portside.ftp.event;

import io.portside.ftp.DataEndpoint;
import io.portside.ftp.event.ProtocolEvent.CommandSent;
import io.portside.ftp.event.ProtocolEvent.EndpointDecoded;
import io.portside.ftp.event.ProtocolEvent.ModeChanged;
import io.portside.ftp.event.ProtocolEvent.Notice;
import io.portside.ftp.event.ProtocolEvent.PassiveAddressReplaced;
import io.portside.ftp.event.ProtocolEvent.ReplyReceived;
import io.portside.ftp.event.ProtocolEvent.Resolved;
import io.portside.ftp.event.ProtocolEvent.Resolving;
import io.portside.ftp.event.ProtocolEvent.TcpClosed;
import io.portside.ftp.event.ProtocolEvent.TcpConnecting;
import io.portside.ftp.event.ProtocolEvent.TcpEstablished;
import io.portside.ftp.event.ProtocolEvent.TcpFailed;
import io.portside.ftp.event.ProtocolEvent.TcpListening;
import io.portside.ftp.event.ProtocolEvent.TcpRejected;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Turns a protocol event into the one log line that explains it. The words come from the
 * {@code io.portside.i18n.log} bundle so the log reads in the user's language; every number
 * comes from the event.
 */
public final class LogFormatter {
    private final ResourceBundle words;
    private final Locale locale;
    private final PacketLines packets;
    /** The command each connection's next reply answers: a 550 to SIZE is an answer, not an error. */
    private final Map<ConnectionId, String> lastVerb = new ConcurrentHashMap<>();

    public LogFormatter() {
        this(Locale.getDefault());
    }

    public LogFormatter(Locale locale) {
        this.locale = locale;
        this.words = ResourceBundle.getBundle("io.portside.i18n.log", locale);
        this.packets = new PacketLines(this::text, locale);
    }

    public LogLine format(ProtocolEvent event) {
        ConnectionId c = event.connection();
        LogKind tcp = c.isControl() ? LogKind.TCP_CONTROL : LogKind.TCP_DATA;
        if (event instanceof Resolving e) {
            return line(e, LogKind.INFO, "resolving", e.host());
        } else if (event instanceof Resolved e) {
            String all = e.addresses().stream().map(AddressText::of).collect(Collectors.joining(", "));
            return line(e, LogKind.INFO, "resolved", e.host(), all, Units.duration(e.took()));
        } else if (event instanceof TcpConnecting e) {
            return c.isControl()
                    ? line(e, tcp, "tcp.connecting.control", addr(e.remote()), port(e.remote().getPort()),
                            e.local().getPort(), portClass(e.local().getPort()))
                    : line(e, tcp, "tcp.connecting.passive", addr(e.local()), addr(e.remote()));
        } else if (event instanceof TcpListening e) {
            return line(e, tcp, "tcp.listening", addr(e.local()), portClass(e.local().getPort()));
        } else if (event instanceof TcpEstablished e) {
            if (e.inbound()) {
                return line(e, tcp, "tcp.accepted", addr(e.remote()), addr(e.local()), e.remote().getPort(),
                        portClass(e.remote().getPort()), Units.duration(e.took()));
            }
            return line(e, tcp, c.isControl() ? "tcp.established.control" : "tcp.established.passive",
                    addr(e.local()), addr(e.remote()), Units.duration(e.took()), e.local().getPort());
        } else if (event instanceof TcpRejected e) {
            return line(e, LogKind.WARNING, "tcp.rejected", addr(e.from()), AddressText.of(e.expected()));
        } else if (event instanceof TcpFailed e) {
            return failed(e);
        } else if (event instanceof TcpClosed e) {
            return closed(e, tcp);
        } else if (event instanceof CommandSent e) {
            lastVerb.put(c, e.verb());
            return new LogLine(e.time(), c, LogKind.COMMAND, e.command());
        } else if (event instanceof ReplyReceived e) {
            String verb = lastVerb.remove(c);
            boolean check = e.code() == 550 && ("SIZE".equals(verb) || "MDTM".equals(verb));
            return new LogLine(e.time(), c, check ? LogKind.REPLY_ANSWER : LogKind.ofReply(e.code()),
                    String.join("\n", e.lines()));
        } else if (event instanceof EndpointDecoded e) {
            return decoded(e);
        } else if (event instanceof PassiveAddressReplaced e) {
            return line(e, LogKind.WARNING, e.announcedPrivate() ? "pasv.replaced.private" : "pasv.replaced.foreign",
                    addr(e.announced()), AddressText.of(e.used().getAddress()), addr(e.used()));
        } else if (event instanceof ProtocolEvent.TlsEstablished e) {
            String resumed = e.resumed() == null ? "" : text(e.resumed() ? "tls.resumed" : "tls.not.resumed");
            return line(e, LogKind.TLS, "tls.established", e.protocol(), e.cipherSuite(), Units.duration(e.took()),
                    resumed, e.subject(), e.sha256(), e.trust());
        } else if (event instanceof ProtocolEvent.TlsFailed e) {
            return line(e, LogKind.ERROR, "tls.failed", Units.duration(e.after()), e.reason());
        } else if (event instanceof ModeChanged e) {
            return line(e, LogKind.INFO, "mode.changed", e.method(), e.reason());
        } else if (event instanceof ProtocolEvent.PacketSeen e) {
            return new LogLine(e.time(), c, LogKind.PACKETS, packets.seen(e));
        } else if (event instanceof ProtocolEvent.PacketsSummarised e) {
            return new LogLine(e.time(), c, LogKind.PACKETS, packets.summarised(e));
        } else if (event instanceof Notice e) {
            LogKind kind = switch (e.severity()) {
                case INFO -> LogKind.INFO;
                case WARNING -> LogKind.WARNING;
                case ERROR -> LogKind.ERROR;
            };
            return line(e, kind, "notice." + e.key(), e.args().toArray());
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    private LogLine decoded(EndpointDecoded e) {
        DataEndpoint d = e.endpoint();
        String arith = d.high() + "*256+" + d.low();
        return switch (d.kind()) {
            case PASV -> line(e, LogKind.DECODED, "decoded.pasv", d.host() + ":" + d.port(), arith, portClass(d.port()));
            case EPSV -> line(e, LogKind.DECODED, "decoded.epsv", d.port(), portClass(d.port()));
            case PORT -> line(e, LogKind.DECODED, "decoded.port", d.host() + ":" + d.port(), arith, portClass(d.port()));
            case EPRT -> line(e, LogKind.DECODED, "decoded.eprt", hostPort(d.host(), d.port()), portClass(d.port()));
        };
    }

    private LogLine failed(TcpFailed e) {
        LogKind kind = LogKind.ERROR;
        String after = Units.duration(e.after());
        String why = text("cause." + e.cause().name().toLowerCase(Locale.ROOT) + (e.inbound() ? ".inbound"
                : e.opened() && e.cause() == FailureCause.TIMED_OUT ? ".open" : ""));
        String remote = e.remote() == null ? "?" : addr(e.remote());
        String detail = e.detail() == null || e.detail().isBlank() ? "" : " (" + e.detail() + ")";
        return line(e, kind, e.inbound() ? "tcp.failed.inbound" : "tcp.failed", remote, after, why, detail);
    }

    private LogLine closed(TcpClosed e, LogKind kind) {
        String who = text(e.by() == ClosedBy.SERVER ? "closed.by.server" : "closed.by.client");
        String open = Units.duration(e.open());
        if (e.connection().isControl()) {
            return line(e, kind, "tcp.closed.control", who, open);
        }
        long bytes = Math.max(e.bytesReceived(), e.bytesSent());
        String dir = text(e.bytesReceived() >= e.bytesSent() ? "bytes.received" : "bytes.sent");
        return line(e, kind, "tcp.closed.data", who, Units.bytes(bytes, locale), dir, open,
                Units.rate(bytes, e.open()));
    }

    private LogLine line(ProtocolEvent e, LogKind kind, String key, Object... args) {
        return new LogLine(e.time(), e.connection(), kind, String.format(locale, text(key), args));
    }

    private String text(String key) {
        return words.containsKey(key) ? words.getString(key) : key;
    }

    private String port(int port) {
        String known = words.containsKey("port." + port) ? words.getString("port." + port) + "; " : "";
        return known + String.format(locale, text("port.class"), port, portClass(port));
    }

    private String portClass(int port) {
        return text("portclass." + PortClass.of(port).name().toLowerCase(Locale.ROOT));
    }

    private static String addr(InetSocketAddress a) {
        return AddressText.of(a);
    }

    private static String hostPort(String host, int port) {
        return AddressText.hostPort(host, port);
    }
}
