package io.portside.ftp.capture;

import java.util.Locale;
import java.util.ResourceBundle;

/** Packet capture cannot run here; the message says what is missing and how to allow it. */
public final class CaptureUnavailableException extends Exception {
    /** Why, in the order a user fixes things: install a tool, then allow it to capture. */
    public enum Reason { NO_TOOL, NO_PERMISSION, FAILED }

    private final Reason reason;
    private final String key;
    private final Object[] args;

    CaptureUnavailableException(Reason reason, Object... args) {
        super(text(Locale.ROOT, "capture." + reason.name().toLowerCase(Locale.ROOT), args));
        this.reason = reason;
        this.key = "capture." + reason.name().toLowerCase(Locale.ROOT);
        this.args = args.clone();
    }

    public Reason reason() {
        return reason;
    }

    /** The message in the user's language. */
    public String message(Locale locale) {
        return text(locale, key, args);
    }

    private static String text(Locale locale, String key, Object... args) {
        ResourceBundle words = ResourceBundle.getBundle("io.portside.i18n.log", locale);
        return String.format(locale, words.getString(key), args);
    }
}
