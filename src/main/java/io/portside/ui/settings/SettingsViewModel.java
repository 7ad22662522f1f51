package io.portside.ui.settings;

import io.portside.transfer.ConflictPolicy;
import io.portside.transfer.TypeChoice;
import io.portside.ui.fx.UiText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings dialog's state: numbers as the user types them, checked in words as they change,
 * turned into {@link Preferences} only when every field holds. Tested without a window.
 */
public final class SettingsViewModel {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+");
    private final UiText text;
    public final StringProperty parallel = new SimpleStringProperty();
    public final StringProperty perSite = new SimpleStringProperty();
    public final StringProperty downloadLimit = new SimpleStringProperty();
    public final StringProperty uploadLimit = new SimpleStringProperty();
    public final BooleanProperty preserveTimes = new SimpleBooleanProperty();
    public final ObjectProperty<ConflictPolicy> conflict = new SimpleObjectProperty<>();
    public final StringProperty retries = new SimpleStringProperty();
    public final StringProperty connectTimeout = new SimpleStringProperty();
    public final StringProperty replyTimeout = new SimpleStringProperty();
    public final StringProperty keepAlive = new SimpleStringProperty();
    public final BooleanProperty showHidden = new SimpleBooleanProperty();
    public final ObjectProperty<TypeChoice> transferType = new SimpleObjectProperty<>();
    public final StringProperty externalAddress = new SimpleStringProperty();
    public final StringProperty activePorts = new SimpleStringProperty();
    /** "" (the system's), "en" or "zh_CN". */
    public final ObjectProperty<String> language = new SimpleObjectProperty<>();
    private final ObjectBinding<List<String>> problems;

    public SettingsViewModel(UiText text, Preferences p, TypeChoice type, String lang) {
        this.text = text;
        parallel.set(Integer.toString(p.parallelTransfers));
        perSite.set(Integer.toString(p.connectionsPerSite));
        downloadLimit.set(Long.toString(p.downloadLimitKiB));
        uploadLimit.set(Long.toString(p.uploadLimitKiB));
        preserveTimes.set(p.preserveTimes);
        conflict.set(p.conflict == null ? ConflictPolicy.ASK : p.conflict);
        retries.set(Integer.toString(p.retries));
        connectTimeout.set(Integer.toString(p.connectTimeoutSeconds));
        replyTimeout.set(Integer.toString(p.replyTimeoutSeconds));
        keepAlive.set(Integer.toString(p.keepAliveSeconds));
        showHidden.set(p.showHidden);
        transferType.set(type);
        externalAddress.set(p.activeExternalAddress == null ? "" : p.activeExternalAddress);
        activePorts.set(p.activePortMin == 0 ? "" : p.activePortMin + "-" + p.activePortMax);
        language.set(lang == null ? "" : lang);
        problems = Bindings.createObjectBinding(this::check, parallel, perSite, downloadLimit, uploadLimit, retries,
                connectTimeout, replyTimeout, keepAlive, externalAddress, activePorts);
    }

    /** What is wrong with the fields now, one sentence each; empty when they can be saved. */
    public ObjectBinding<List<String>> problems() {
        return problems;
    }

    private List<String> check() {
        List<String> out = new ArrayList<>();
        number(out, parallel, "settings.parallel", 1, 10);
        number(out, perSite, "settings.perSite", 1, 10);
        number(out, downloadLimit, "settings.downloadLimit", 0, 10_000_000);
        number(out, uploadLimit, "settings.uploadLimit", 0, 10_000_000);
        number(out, retries, "settings.retries", 0, 100);
        number(out, connectTimeout, "settings.connectTimeout", 1, 600);
        number(out, replyTimeout, "settings.replyTimeout", 1, 3600);
        number(out, keepAlive, "settings.keepAlive", 0, 3600);
        String host = externalAddress.get().strip();
        if (!host.isEmpty() && !HOST.matcher(host).matches() && !host.contains(":")) {
            out.add(text.get("settings.problem.address", host));
        }
        if (ports() == null) {
            out.add(text.get("settings.problem.ports", activePorts.get().strip()));
        }
        return out;
    }

    private void number(List<String> out, StringProperty field, String key, long min, long max) {
        long v = parse(field);
        if (v < min || v > max) {
            out.add(text.get("settings.problem.number", text.get(key), field.get().strip(), min, max));
        }
    }

    private static long parse(StringProperty field) {
        try {
            return Long.parseLong(field.get().strip());
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The port range as {min, max}: {0, 0} for "any", null when the text is not a range. */
    private int[] ports() {
        String s = activePorts.get().strip();
        if (s.isEmpty()) {
            return new int[] {0, 0};
        }
        String[] parts = s.split("\\s*-\\s*");
        try {
            int min = Integer.parseInt(parts[0]);
            int max = parts.length == 2 ? Integer.parseInt(parts[1]) : min;
            return parts.length <= 2 && min >= 1024 && max <= 65535 && min <= max ? new int[] {min, max} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The checked values; call only when {@link #problems()} is empty. */
    public Preferences toPreferences() {
        if (!problems.get().isEmpty()) {
            throw new IllegalStateException(String.join(" ", problems.get()));
        }
        Preferences p = new Preferences();
        p.parallelTransfers = (int) parse(parallel);
        p.connectionsPerSite = (int) parse(perSite);
        p.downloadLimitKiB = parse(downloadLimit);
        p.uploadLimitKiB = parse(uploadLimit);
        p.preserveTimes = preserveTimes.get();
        p.conflict = conflict.get();
        p.retries = (int) parse(retries);
        p.connectTimeoutSeconds = (int) parse(connectTimeout);
        p.replyTimeoutSeconds = (int) parse(replyTimeout);
        p.keepAliveSeconds = (int) parse(keepAlive);
        p.showHidden = showHidden.get();
        p.activeExternalAddress = externalAddress.get().strip();
        int[] range = ports();
        p.activePortMin = range[0];
        p.activePortMax = range[1];
        return p;
    }
}
