package io.portside.interop;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the interop servers the test run started ({@link InteropServers#stopWhatThisRunStarted})
 * when the JUnit launcher session ends: after the last test of {@code mvn verify} (Surefire runs
 * every test class in one session), of an IDE run, or of a single {@code -Dtest=...} class, also
 * when tests failed. Registered in {@code META-INF/services}; env {@code PORTSIDE_KEEP_SERVERS=1}
 * leaves them up for quicker reruns.
 */
public final class InteropServersSession implements LauncherSessionListener {
    @Override
    public void launcherSessionClosed(LauncherSession session) {
        InteropServers.stopWhatThisRunStarted();
    }
}
