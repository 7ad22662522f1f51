package io.portside.sites;

import java.nio.file.Path;

/**
 * Where Portside keeps what it remembers: {@code settings.json}, {@code sites.json}, the saved
 * transfer queue ({@code queue.json}) and the trusted certificates. The window and the command
 * line pick it the same way, so {@code portside queue ...} sees the window's queue.
 */
public final class ConfigFolder {
    /** The certificates the user chose to trust always (host:port = SHA-256 fingerprint). */
    public static final String TRUSTED_CERTIFICATES = "trusted-certificates.properties";

    private ConfigFolder() {
    }

    /** The {@code portside.config} system property, else {@code $XDG_CONFIG_HOME/portside}, else ~/.config/portside. */
    public static Path standard() {
        String override = System.getProperty("portside.config");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("portside");
    }
}
