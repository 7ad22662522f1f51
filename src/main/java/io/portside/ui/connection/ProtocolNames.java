package io.portside.ui.connection;

import io.portside.ftp.Protocol;
import io.portside.ui.fx.UiText;
import javafx.util.StringConverter;

/**
 * How the connection bar and the site manager name a protocol: two share ftp:// (plain, and TLS
 * if available), so the scheme alone cannot tell them apart.
 */
public final class ProtocolNames extends StringConverter<Protocol> {
    private final UiText text;

    public ProtocolNames(UiText text) {
        this.text = text;
    }

    @Override
    public String toString(Protocol p) {
        return p == null ? "" : text.get("protocol." + p.name());
    }

    @Override
    public Protocol fromString(String s) {
        for (Protocol p : Protocol.values()) {
            if (toString(p).equals(s)) {
                return p;
            }
        }
        return Protocol.ofScheme(s);
    }
}
