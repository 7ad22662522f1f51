package io.portside.sites;

import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.Protocol;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * A saved site, everything but the password (which {@link SiteStore} keeps encrypted, or not
 * at all). Safe to show, log and pass around.
 *
 * @param name           unique, as the user calls it ("Work server")
 * @param user           null or empty: anonymous
 * @param remoteFolder   where to go after login, or null for the server's start folder
 * @param localFolder    the local folder shown next to it, or null for the caller's default
 * @param charset        file-name encoding when the server does not offer UTF-8, e.g. "UTF-8", "windows-1252"
 * @param timeOffsetMinutes added to the times the server lists before comparing them with local ones (FileZilla's
 *                       "Adjust server time"): -60 for a server whose listings are an hour ahead
 */
public record SiteProfile(String name, Protocol protocol, String host, int port, String user,
                          PasswordMode passwordMode, DataMode dataMode, ExtendedMode extendedMode,
                          String remoteFolder, String localFolder, String charset,
                          int timeOffsetMinutes) {

    /** A day either way: no zone or clock is further off. */
    public static final int MAX_OFFSET_MINUTES = 24 * 60;

    public SiteProfile {
        if (name == null || name.isBlank()) {
            throw new InvalidSiteException("site.noName");
        }
        if (host == null || host.isBlank()) {
            throw new InvalidSiteException("site.needsHost", name);
        }
        if (port < 1 || port > 65535) {
            throw new InvalidSiteException("site.portRange", name, port);
        }
        protocol = Objects.requireNonNullElse(protocol, Protocol.FTP);
        passwordMode = Objects.requireNonNullElse(passwordMode, PasswordMode.NOT_STORED);
        dataMode = Objects.requireNonNullElse(dataMode, DataMode.PASSIVE);
        extendedMode = Objects.requireNonNullElse(extendedMode, ExtendedMode.AUTO);
        charset = charset == null || charset.isBlank() ? "UTF-8" : charset;
        if (!knownCharset(charset)) {
            throw new InvalidSiteException("site.charsetUnknown", charset);
        }
        if (!offsetInRange(timeOffsetMinutes)) {
            throw new InvalidSiteException("site.offsetRange", name, -MAX_OFFSET_MINUTES, MAX_OFFSET_MINUTES,
                    timeOffsetMinutes);
        }
    }

    private static boolean knownCharset(String name) {
        try {
            return Charset.isSupported(name);
        } catch (java.nio.charset.IllegalCharsetNameException e) {
            return false; // "UTF 8" with a space: not a name at all
        }
    }

    /** Whether {@code minutes} is a server time offset a site can have (a day either way). */
    public static boolean offsetInRange(int minutes) {
        return Math.abs(minutes) <= MAX_OFFSET_MINUTES;
    }

    /** A plain FTP site with defaults: passive, EPSV/EPRT when useful, UTF-8, password not stored. */
    public static SiteProfile of(String name, String host, int port, String user) {
        return new SiteProfile(name, Protocol.FTP, host, port, user, PasswordMode.NOT_STORED, DataMode.PASSIVE,
                ExtendedMode.AUTO, null, null, "UTF-8", 0);
    }

    public boolean isAnonymous() {
        return user == null || user.isEmpty();
    }

    public SiteProfile withName(String newName) {
        return new SiteProfile(newName, protocol, host, port, user, passwordMode, dataMode, extendedMode,
                remoteFolder, localFolder, charset, timeOffsetMinutes);
    }

    public SiteProfile withPasswordMode(PasswordMode mode) {
        return new SiteProfile(name, protocol, host, port, user, mode, dataMode, extendedMode,
                remoteFolder, localFolder, charset, timeOffsetMinutes);
    }

    public SiteProfile withFolders(String remote, String local) {
        return new SiteProfile(name, protocol, host, port, user, passwordMode, dataMode, extendedMode,
                remote, local, charset, timeOffsetMinutes);
    }

    /** The connection layer's view, with the password the caller just decrypted or asked for. */
    public Site toSite(String password) {
        return new Site(protocol, host, port, user, password);
    }

    /** {@code base} with this site's data mode and character set. */
    public SessionOptions applyTo(SessionOptions base) {
        return base.withMode(dataMode, extendedMode).withCharset(Charset.forName(charset));
    }
}
