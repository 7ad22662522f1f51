package io.portside.ftp;

/** The server sent something that is not valid FTP (a garbled reply, an impossible address). */
public class FtpProtocolException extends FtpException {
    public FtpProtocolException(UserMessage words) {
        super(words);
    }
}
