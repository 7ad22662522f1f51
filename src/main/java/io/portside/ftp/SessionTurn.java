package io.portside.ftp;

import java.util.concurrent.Semaphore;

/**
 * Whose turn it is on a session's control connection. FTP is one command and its reply at a
 * time, so operations wait for each other; a transfer holds the turn from opening its stream to
 * closing it. Also remembers when the connection was last used, so that keep-alive NOOPs go out
 * only on an idle one.
 */
final class SessionTurn {
    private final Semaphore busy = new Semaphore(1);
    private volatile long lastUse = System.nanoTime();

    void take() throws FtpException {
        try {
            busy.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FtpException(UserMessage.of("session.interrupted"));
        }
    }

    /** Takes the turn only if nobody has it: a keep-alive or a QUIT must not wait behind a transfer. */
    boolean tryTake() {
        return busy.tryAcquire();
    }

    void release() {
        busy.release();
    }

    /** The control connection was used just now. */
    void used() {
        lastUse = System.nanoTime();
    }

    /** When the control connection was last used, in {@link System#nanoTime()}. */
    long lastUse() {
        return lastUse;
    }
}
