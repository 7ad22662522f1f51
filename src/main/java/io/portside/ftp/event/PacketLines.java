package io.portside.ftp.event;

import io.portside.ftp.event.ProtocolEvent.PacketSeen;
import io.portside.ftp.event.ProtocolEvent.PacketsSummarised;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * The log lines of captured packets (part of {@link LogFormatter}): both ends, the flags, the
 * absolute numbers as on the wire, the window and options, the time since the SYN, and what a
 * repeated SYN or a reset means.
 */
final class PacketLines {
    private final Function<String, String> text;
    private final Locale locale;

    PacketLines(Function<String, String> text, Locale locale) {
        this.text = text;
        this.locale = locale;
    }

    String seen(PacketSeen e) {
        TcpPacket p = e.packet();
        StringBuilder b = new StringBuilder();
        b.append(AddressText.of(p.source())).append(" -> ").append(AddressText.of(p.destination())).append("  ").append(p.flagNames());
        b.append("  seq ").append(p.seq());
        if (p.has(TcpPacket.ACK)) {
            b.append(" ack ").append(p.ack());
        }
        b.append("  win ").append(p.window());
        String options = p.optionText();
        if (!options.isEmpty()) {
            b.append("  ").append(options);
        }
        if (p.payload() > 0) {
            b.append("  len ").append(p.payload());
        }
        b.append("  +").append(sinceSyn(e.sinceSyn()));
        String why = explanation(e);
        if (!why.isEmpty()) {
            b.append("  ").append(why);
        }
        return b.toString();
    }

    String summarised(PacketsSummarised e) {
        return String.format(locale, text.apply("packets.summary"), e.segmentsSent(), Units.bytes(e.bytesSent(), locale),
                e.segmentsReceived(), Units.bytes(e.bytesReceived(), locale), e.bareAcks());
    }

    private String explanation(PacketSeen e) {
        TcpPacket p = e.packet();
        return switch (e.meaning()) {
            case NORMAL -> "";
            case RETRANSMISSION -> String.format(locale,
                    text.apply(p.has(TcpPacket.ACK) ? "packet.retransmit.synack" : "packet.retransmit"), e.repeat());
            case REFUSED -> String.format(locale, text.apply("packet.refused"), p.source().getPort());
            case RESET -> String.format(locale, text.apply("packet.reset"),
                    text.apply(e.fromClient() ? "closed.by.client" : "closed.by.server"));
        };
    }

    private static String sinceSyn(Duration d) {
        if (d == null) {
            return "?";
        }
        double ms = d.toNanos() / 1e6;
        return ms < 1 ? String.format(Locale.ROOT, "%.2f ms", ms) : Units.duration(d);
    }

}
