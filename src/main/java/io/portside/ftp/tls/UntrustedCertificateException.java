package io.portside.ftp.tls;

import java.security.cert.CertificateException;

/** The server's certificate was not trusted; carries what the user needs to decide. */
public final class UntrustedCertificateException extends CertificateException {
    private final CertificateInfo certificate;

    public UntrustedCertificateException(String message, CertificateInfo certificate) {
        super(message);
        this.certificate = certificate;
    }

    public CertificateInfo certificate() {
        return certificate;
    }
}
