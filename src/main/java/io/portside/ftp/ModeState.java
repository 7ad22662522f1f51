package io.portside.ftp;

/**
 * The data-connection method a session uses now: the user's choice, adjusted by what the
 * session learned (extended commands refused, a mode that failed and was replaced). Written
 * by the UI thread when the user toggles, read by the transfer thread at each data connection.
 */
final class ModeState {
    private volatile DataMode mode;
    private volatile ExtendedMode extended;
    private volatile boolean extendedRefused;
    private volatile boolean fallbackDone;

    ModeState(DataMode mode, ExtendedMode extended) {
        this.mode = mode;
        this.extended = extended;
    }

    DataMode mode() {
        return mode;
    }

    ExtendedMode extended() {
        return extended;
    }

    /** A user's choice: starts afresh, forgetting what fallbacks decided. */
    void choose(DataMode m, ExtendedMode e) {
        mode = m;
        extended = e;
        extendedRefused = false;
        fallbackDone = false;
    }

    boolean useExtended(boolean ipv6, boolean serverOffers) {
        if (ipv6) {
            return true;
        }
        return switch (extended) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> serverOffers && !extendedRefused;
        };
    }

    void extendedRefused() {
        extendedRefused = true;
    }

    boolean mayFallBack() {
        return !fallbackDone;
    }

    void fellBackTo(DataMode m) {
        mode = m;
        fallbackDone = true;
    }
}
