package io.portside;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The application's name and version, as the build wrote them into
 * {@code io/portside/version.properties} (a Maven-filtered resource, so the version is the pom's).
 */
public final class AppInfo {
    static final String RESOURCE = "version.properties";

    private static final Properties PROPS = load();

    private AppInfo() {
    }

    /** The product name, e.g. "Portside". */
    public static String name() {
        return PROPS.getProperty("name", "Portside");
    }

    /** The version from the pom, e.g. "0.1.0". */
    public static String version() {
        return PROPS.getProperty("version", "unknown");
    }

    /** "Portside 0.1.0". */
    public static String nameAndVersion() {
        return name() + " " + version();
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return p;
    }
}
