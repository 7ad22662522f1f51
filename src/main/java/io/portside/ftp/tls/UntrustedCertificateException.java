package io.portside.ftp.tls;

import io.portside.ftp.UserMessage;
import io.portside.ftp.Worded;
import java.security.cert.CertificateException;

/**
 * The server's certificate was not trusted; carries what the user needs to decide, and why in
 * words for the reader's language ({@link #words()}; {@link #getMessage()} is English).
 */
public final class UntrustedCertificateException extends CertificateException implements Worded {
    private final transient UserMessage words;
    private final CertificateInfo certificate;

    public UntrustedCertificateException(UserMessage words, CertificateInfo certificate) {
        super(words.toString());
        this.words = words;
        this.certificate = certificate;
    }

    @Override
    public UserMessage words() {
        return words;
    }

    public CertificateInfo certificate() {
        return certificate;
    }
}
