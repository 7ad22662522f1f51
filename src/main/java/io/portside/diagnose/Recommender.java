package io.portside.diagnose;

import io.portside.ftp.event.AddressText;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the table of attempts into advice: which mode to use, what to change and where. */
final class Recommender {
    private Recommender() {
    }

    /**
     * @param attempts the log-in and the plain attempts
     * @param secured  the same methods over TLS (empty when the server offers no AUTH TLS)
     */
    static List<String> recommend(DoctorText t, List<Attempt> attempts, List<Attempt> secured) {
        Map<DataMethod, Attempt> by = new EnumMap<>(DataMethod.class);
        attempts.stream().filter(a -> a.method() != null).forEach(a -> by.put(a.method(), a));
        if (by.isEmpty()) {
            return List.of(t.get("rec.fixLogin"));
        }
        List<String> out = new ArrayList<>();
        boolean epsv = ok(by, DataMethod.EPSV);
        boolean pasv = ok(by, DataMethod.PASV);
        boolean port = ok(by, DataMethod.PORT);
        boolean eprt = ok(by, DataMethod.EPRT);
        boolean natPasv = by.values().stream().anyMatch(a -> a.evidence().passiveReplaced().isPresent());
        if (epsv) {
            out.add(t.get("rec.epsv"));
        } else if (pasv) {
            out.add(t.get(by.containsKey(DataMethod.EPSV) ? "rec.pasv.noEpsv" : "rec.pasv"));
        } else if (port || eprt) {
            out.add(t.get("rec.active", eprt && !port ? "EPRT" : "PORT"));
        } else {
            out.add(t.get("rec.none"));
        }
        if (natPasv && (epsv || pasv)) {
            out.add(t.get("rec.natPasv"));
        }
        Optional<InetAddress[]> nat = Explainer.nat(attempts.get(0).evidence());
        boolean activeFailed = by.values().stream().anyMatch(a -> !a.method().passive() && a.outcome() != AttemptOutcome.OK);
        boolean activeBlocked = by.values().stream().anyMatch(Explainer::inboundBlocked);
        if (nat.isPresent() && activeFailed && (epsv || pasv)) {
            out.add(t.get("rec.natActive", AddressText.of(nat.get()[0])));
        } else if (activeBlocked && (epsv || pasv)) {
            out.add(t.get("rec.activeBlocked"));
        }
        boolean activeOnlyPlain = secured.stream().anyMatch(s -> s.method() != null && !s.method().passive()
                && s.outcome() != AttemptOutcome.OK && ok(by, s.method()));
        if (activeOnlyPlain && nat.isPresent()) {
            out.add(t.get("rec.tlsPassive"));
        }
        return out;
    }

    private static boolean ok(Map<DataMethod, Attempt> by, DataMethod m) {
        Attempt a = by.get(m);
        return a != null && a.outcome() == AttemptOutcome.OK;
    }
}
