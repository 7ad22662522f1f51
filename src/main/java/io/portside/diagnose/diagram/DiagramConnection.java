package io.portside.diagnose.diagram;

import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEvent;
import java.time.Duration;

/**
 * One TCP connection of the session as the diagram shows it: its ports on each end and who
 * opened it (the server, in active mode). Replaced by an updated copy as the connection
 * progresses, so a snapshot never changes under a reader.
 *
 * @param clientPort     our port, or 0 while unknown
 * @param serverPort     the server's port, or 0 while unknown (active mode before it connects)
 * @param serverConnects true for an active-mode data connection (server -> client)
 * @param bytes          bytes that crossed it, once closed
 * @param open           how long it was open, once closed
 * @param source         the event that made it known (connecting or listening)
 */
public record DiagramConnection(ConnectionId id, int clientPort, int serverPort, boolean serverConnects,
                                State state, long bytes, Duration open, ProtocolEvent source) {

    public enum State { CONNECTING, LISTENING, OPEN, CLOSED, FAILED }

    public boolean control() {
        return id.isControl();
    }

    /** Who opened it. */
    public Side opener() {
        return serverConnects ? Side.SERVER : Side.CLIENT;
    }

    DiagramConnection with(int cPort, int sPort, State s) {
        return new DiagramConnection(id, cPort, sPort, serverConnects, s, bytes, open, source);
    }

    DiagramConnection closed(State s, long b, Duration o) {
        return new DiagramConnection(id, clientPort, serverPort, serverConnects, s, b, o, source);
    }
}
