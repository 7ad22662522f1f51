package io.portside.ftp.event;

/**
 * Names one TCP connection in the log: {@code ctl#3} is the control connection of session 3,
 * {@code data#3.7} the seventh data connection it opened. The owner ("browse", "w1") tells
 * which part of the app drives the session, so a busy queue's log stays readable.
 */
public record ConnectionId(String owner, int session, int data) {

    public static ConnectionId control(String owner, int session) {
        return new ConnectionId(owner, session, 0);
    }

    public ConnectionId dataConnection(int index) {
        return new ConnectionId(owner, session, index);
    }

    public boolean isControl() {
        return data == 0;
    }

    /** The connection's name without its owner, e.g. {@code data#1.2}. */
    public String label() {
        return isControl() ? "ctl#" + session : "data#" + session + "." + data;
    }

    @Override
    public String toString() {
        return owner == null || owner.isEmpty() ? label() : owner + " " + label();
    }
}
