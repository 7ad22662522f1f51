package io.portside.diagnose;

import io.portside.ftp.event.FailureCause;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Turns the table of attempts into advice: which mode to use, what to change and where. */
final class Recommender {
    private Recommender() {
    }

    static List<String> recommend(List<Attempt> attempts) {
        Map<DataMethod, Attempt> by = new EnumMap<>(DataMethod.class);
        attempts.stream().filter(a -> a.method() != null).forEach(a -> by.put(a.method(), a));
        if (by.isEmpty()) {
            return List.of("Fix the connection or the login first (host, port, user name and password); the data"
                    + " connection methods could not be tested.");
        }
        List<String> out = new ArrayList<>();
        boolean epsv = ok(by, DataMethod.EPSV);
        boolean pasv = ok(by, DataMethod.PASV);
        boolean port = ok(by, DataMethod.PORT);
        boolean eprt = ok(by, DataMethod.EPRT);
        boolean natPasv = by.values().stream().anyMatch(a -> a.evidence().passiveReplaced().isPresent());
        if (epsv) {
            out.add("Use passive mode (the default). EPSV works, so leave extended commands on AUTO.");
        } else if (pasv) {
            out.add("Use passive mode with PASV" + (by.containsKey(DataMethod.EPSV)
                    ? "; EPSV does not work here, and extended commands on AUTO fall back to PASV by themselves."
                    : "."));
        } else if (port || eprt) {
            out.add("Use active mode (" + (eprt && !port ? "EPRT" : "PORT") + "): passive data connections do not"
                    + " work with this server. Its admin should open the passive port range in the server's firewall"
                    + " (and configure its external address if it is behind NAT).");
        } else {
            out.add("No data-connection method works: folders cannot be listed and files cannot be transferred."
                    + " Check the firewalls on both sides: the server's passive port range must be reachable from"
                    + " here, or this machine must accept connections from the server for active mode.");
        }
        if (natPasv && (epsv || pasv)) {
            out.add("Keep \"trust the server's passive address\" off: Portside then connects to the control address,"
                    + " which is what made passive mode work. On the server, configure its external address for"
                    + " passive mode (vsftpd pasv_address, ProFTPD MasqueradeAddress, Pure-FTPd -P, FileZilla Server's"
                    + " public IP) so that other clients work too.");
        }
        boolean activeBlocked = by.values().stream().anyMatch(a -> a.method() != null && !a.method().passive()
                && a.evidence().dataFailed().map(f -> f.inbound() && f.cause() == FailureCause.TIMED_OUT).orElse(false));
        if (activeBlocked && (epsv || pasv)) {
            out.add("Do not use active mode from this network: incoming connections from the server are blocked."
                    + " To make it work, forward a port range to this machine and set it, with the external address,"
                    + " in the session's active-mode settings.");
        }
        return out;
    }

    private static boolean ok(Map<DataMethod, Attempt> by, DataMethod m) {
        Attempt a = by.get(m);
        return a != null && a.outcome() == AttemptOutcome.OK;
    }
}
