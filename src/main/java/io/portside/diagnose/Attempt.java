package io.portside.diagnose;

import io.portside.ftp.FtpException;
import io.portside.ftp.FtpReplyException;
import io.portside.ftp.event.ProtocolEvent;
import java.time.Duration;
import java.util.List;

/**
 * One step the doctor took (log in, or list with one data method), with everything the event
 * stream showed about it: the explanations are drawn from these events, not guessed.
 *
 * @param method  the data method tried, or null for the connect-and-log-in step
 * @param took    how long the step took (the listing alone, for a data method)
 * @param entries entries listed, or -1
 * @param error   why it failed, or null
 * @param events  the events of this step's session, in order
 * @param overTls the step ran over explicit FTPS on a plain ftp:// diagnosis (the server offered AUTH TLS)
 */
public record Attempt(DataMethod method, AttemptOutcome outcome, Duration took, int entries, FtpException error,
                      List<ProtocolEvent> events, boolean overTls) {

    public Attempt {
        events = List.copyOf(events);
    }

    /** The step as the CLI's English names it: "log in", "PASV", "TLS EPSV". */
    public String step() {
        return method == null ? "log in" : overTls ? "TLS " + method.name() : method.name();
    }

    /** The step in the doctor's language: the command names are the same in every language. */
    String step(DoctorText t) {
        return method == null ? t.get("step.login") : step();
    }

    public Evidence evidence() {
        return new Evidence(events);
    }

    /** The reply code of the refusal behind the failure, or 0. */
    public int refusalCode() {
        return error instanceof FtpReplyException r ? r.code() : 0;
    }
}
