package io.portside.diagnose;

import io.portside.ftp.event.Units;
import java.util.List;
import java.util.Locale;

/**
 * What {@link ProbeCheck} found: one attempt per data method against the probe, and what the
 * probe's reports prove, in sentences.
 *
 * @param probe    the probe as HOST:PORT
 * @param attempts PASV, EPSV, PORT, EPRT in that order
 * @param findings one sentence per finding, the first about our address as the probe saw it
 */
public record ProbeResult(String probe, List<Attempt> attempts, List<String> findings) {
    public ProbeResult {
        attempts = List.copyOf(attempts);
        findings = List.copyOf(findings);
    }

    /** At least one method listed the probe's folder. */
    public boolean anyWorks() {
        return attempts.stream().anyMatch(a -> a.outcome() == AttemptOutcome.OK);
    }

    /** The check as plain text: a table of the methods, then what the probe saw. */
    public String toText() {
        StringBuilder b = new StringBuilder("Portside probe check\nProbe:   ").append(probe).append('\n');
        attempts.stream().flatMap(a -> a.evidence().control().stream()).findFirst().ifPresent(c -> b.append("Control: ")
                .append(Explainer.addr(c.local())).append(" -> ").append(Explainer.addr(c.remote())).append('\n'));
        b.append('\n').append(String.format(Locale.ROOT, "%-8s %-10s %9s%n", "Step", "Result", "Time"));
        for (Attempt a : attempts) {
            b.append(String.format(Locale.ROOT, "%-8s %-10s %9s%n", a.step(), a.outcome(), Units.duration(a.took())));
        }
        b.append("\nWhat the probe saw\n");
        findings.forEach(f -> b.append("- ").append(DiagnosisReport.wrap(f, DiagnosisReport.WIDTH - 2, "  ")).append('\n'));
        return b.toString();
    }
}
