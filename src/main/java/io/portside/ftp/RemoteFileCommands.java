package io.portside.ftp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The commands on one remote file or folder of a session: SIZE, MDTM, MFMT, MKD, RMD, DELE,
 * RNFR/RNTO and SITE CHMOD. Reached through {@link FtpSession#files()}; each waits for its turn
 * on the control connection and fails with an {@link FtpException} in words.
 */
public final class RemoteFileCommands {
    private static final DateTimeFormatter MFMT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final FtpSession session;
    private final SessionCalls calls;

    RemoteFileCommands(FtpSession session, SessionCalls calls) {
        this.session = session;
        this.calls = calls;
    }

    /** SIZE of a file in bytes. */
    public long size(String path) throws FtpException {
        return calls.call(UserMessage.command("SIZE " + path), () -> {
            String reply = session.client().getSize(path);
            if (reply == null) {
                throw session.client().refusal(UserMessage.of("refused.size", path), true);
            }
            try {
                return Long.parseLong(reply.trim());
            } catch (NumberFormatException e) {
                throw new FtpProtocolException(UserMessage.of("size.notNumber", reply));
            }
        });
    }

    /** MDTM: the file's modification time. */
    public Instant modificationTime(String path) throws FtpException {
        return calls.call(UserMessage.command("MDTM " + path), () -> {
            Instant t = session.client().mdtmInstant(path);
            if (t == null) {
                throw session.client().refusal(UserMessage.of("refused.mdtm", path), true);
            }
            return t;
        });
    }

    /** MFMT: sets the file's modification time (only where the server offers MFMT). */
    public void setModificationTime(String path, Instant time) throws FtpException {
        calls.run(UserMessage.command("MFMT " + path), () -> session.client().setModificationTime(path, MFMT.format(time)));
    }

    public void mkdir(String path) throws FtpException {
        calls.run(UserMessage.command("MKD " + path), () -> session.client().makeDirectory(path));
    }

    public void rmdir(String path) throws FtpException {
        calls.run(UserMessage.command("RMD " + path), () -> session.client().removeDirectory(path));
    }

    public void delete(String path) throws FtpException {
        calls.run(UserMessage.command("DELE " + path), () -> session.client().deleteFile(path));
    }

    public void rename(String from, String to) throws FtpException {
        calls.run(UserMessage.command("RNFR " + from + " / RNTO " + to), () -> session.client().rename(from, to));
    }

    /** SITE CHMOD, e.g. {@code chmod("a.txt", "644")}. */
    public void chmod(String path, String octalMode) throws FtpException {
        if (!octalMode.matches("[0-7]{3,4}")) {
            throw new FtpException(UserMessage.of("chmod.notOctal", octalMode));
        }
        calls.run(UserMessage.command("SITE CHMOD " + octalMode + " " + path),
                () -> session.client().sendSiteCommand("CHMOD " + octalMode + " " + path));
    }
}
