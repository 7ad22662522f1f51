package io.portside.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.PortRange;
import io.portside.ftp.SessionOptions;
import io.portside.transfer.ConflictPolicy;
import io.portside.transfer.QueueSettings;
import io.portside.transfer.TypeChoice;
import io.portside.ui.fx.UiText;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {
    private final SettingsViewModel vm = new SettingsViewModel(new UiText(Locale.ENGLISH), new Preferences(),
            TypeChoice.BINARY, "");

    @Test
    void theDefaultsAreTheEnginesDefaults() {
        assertEquals(List.of(), vm.problems().get());
        Preferences p = vm.toPreferences();
        assertEquals(QueueSettings.defaults(), p.applyTo(QueueSettings.defaults()));
        assertEquals(SessionOptions.defaults(), p.applyTo(SessionOptions.defaults()));
    }

    @Test
    void wrongValuesAreSaidInWordsAndCannotBeSaved() {
        vm.parallel.set("eleven");
        vm.activePorts.set("70000-1");
        vm.externalAddress.set("not an address!");
        assertEquals(List.of("Parallel transfers (1–10) must be a whole number from 1 to 10, not \"eleven\".",
                "\"not an address!\" is not an IP address or host name.",
                "\"70000-1\" is not a port range: write two ports from 1024 to 65535, like 50000-50100."),
                vm.problems().get());
        assertThrows(IllegalStateException.class, vm::toPreferences);
        vm.parallel.set(" 4 ");
        vm.activePorts.set("50000 - 50100");
        vm.externalAddress.set("198.18.0.1");
        assertEquals(List.of(), vm.problems().get());
    }

    @Test
    void theValuesReachTheEnginesOwnSettings() {
        vm.parallel.set("4");
        vm.perSite.set("2");
        vm.downloadLimit.set("300");
        vm.uploadLimit.set("50");
        vm.retries.set("0");
        vm.conflict.set(ConflictPolicy.RENAME);
        vm.preserveTimes.set(true);
        vm.connectTimeout.set("5");
        vm.replyTimeout.set("20");
        vm.keepAlive.set("0");
        vm.externalAddress.set("198.18.0.1");
        vm.activePorts.set("50000-50100");
        Preferences p = vm.toPreferences();
        QueueSettings q = p.applyTo(QueueSettings.defaults());
        assertEquals(4, q.parallelism());
        assertEquals(2, q.perSiteLimit());
        assertEquals(300 * 1024, q.downloadLimit());
        assertEquals(50 * 1024, q.uploadLimit());
        assertEquals(0, q.retry().retries());
        assertEquals(ConflictPolicy.RENAME, q.conflict());
        assertTrue(q.preserveTimes());
        SessionOptions s = p.applyTo(SessionOptions.defaults());
        assertEquals(Duration.ofSeconds(5), s.connectTimeout());
        assertEquals(Duration.ofSeconds(20), s.replyTimeout());
        assertEquals(Duration.ZERO, s.keepAlive());
        assertEquals("198.18.0.1", s.activeExternalAddress());
        assertEquals(new PortRange(50000, 50100), s.activePorts());
        vm.externalAddress.set(" ");
        vm.activePorts.set("");
        SessionOptions none = vm.toPreferences().applyTo(SessionOptions.defaults());
        assertNull(none.activeExternalAddress());
        assertEquals(PortRange.ANY, none.activePorts());
    }

    @Test
    void chineseMessages() {
        SettingsViewModel zh = new SettingsViewModel(new UiText(Locale.SIMPLIFIED_CHINESE), new Preferences(),
                TypeChoice.BINARY, "");
        zh.retries.set("-1");
        assertEquals(List.of("失败后重试次数必须是 0 到 100 之间的整数，而不是“-1”。"), zh.problems().get());
    }
}
