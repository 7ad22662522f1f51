package io.portside.sites;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.Protocol;
import io.portside.ftp.Site;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteStoreTest {
    private static final String PASSWORD = "Hunter2-Zebra-Ψ-42!";
    private static final char[] MASTER = "correct horse battery staple".toCharArray();

    @TempDir
    Path config;

    private static SiteProfile work(PasswordMode mode) {
        return new SiteProfile("Work server", Protocol.FTPES, "ftp.example.test", 2121, "bob", mode, DataMode.ACTIVE,
                ExtendedMode.NEVER, "/pub/incoming", "/home/bob/Downloads", "windows-1252", -90);
    }

    private SiteStore storeWithOneSavedPassword() throws Exception {
        SiteStore store = new SiteStore(config);
        store.createMasterPassword(MASTER.clone());
        store.save(work(PasswordMode.STORED_ENCRYPTED), PASSWORD.toCharArray());
        return store;
    }

    @Test
    void profilesAndPasswordSurviveAReopen() throws Exception {
        storeWithOneSavedPassword();
        store2Anonymous();

        SiteStore reopened = new SiteStore(config);
        assertEquals(List.of(work(PasswordMode.STORED_ENCRYPTED), SiteProfile.of("Public", "127.0.0.1", 21, "")),
                reopened.profiles());
        assertTrue(reopened.hasMasterPassword());
        assertFalse(reopened.isUnlocked());
        assertThrows(SiteStoreException.class, () -> reopened.password("Work server"), "locked");

        reopened.unlock(MASTER.clone());
        assertArrayEquals(PASSWORD.toCharArray(), reopened.password("Work server"));
        Site site = reopened.sessionSite("Work server", null);
        assertEquals(PASSWORD, site.password());
        assertEquals(new Site(Protocol.FTPES, "ftp.example.test", 2121, "bob", PASSWORD), site);
        assertEquals("anonymous", reopened.sessionSite("Public", null).loginUser());
    }

    private void store2Anonymous() throws Exception {
        SiteStore s = new SiteStore(config);
        s.save(SiteProfile.of("Public", "127.0.0.1", 21, ""), null);
    }

    @Test
    void theVaultsRefusalsAreWordedInTheReadersLanguage() throws Exception {
        java.util.Locale zh = java.util.Locale.SIMPLIFIED_CHINESE;
        SiteStore store = storeWithOneSavedPassword();
        SiteStoreException twice = assertThrows(SiteStoreException.class,
                () -> store.replace("Other", work(PasswordMode.NOT_STORED), null));
        assertEquals("a site named \"Work server\" exists already", twice.getMessage());
        assertEquals("名为“Work server”的站点已经存在", io.portside.ftp.UserMessage.textOf(twice, zh));
        SiteStore reopened = new SiteStore(config);
        SiteStoreException locked = assertThrows(SiteStoreException.class, () -> reopened.password("Work server"));
        assertEquals("站点库已锁定：请先输入主密码", io.portside.ftp.UserMessage.textOf(locked, zh));
        InvalidSiteException noHost = assertThrows(InvalidSiteException.class, () -> SiteProfile.of("x", " ", 21, ""));
        assertEquals("the site \"x\" needs a host", noHost.getMessage());
        assertEquals("站点“x”需要主机", io.portside.ftp.UserMessage.textOf(noHost, zh));
        InvalidSiteException badCharset = assertThrows(InvalidSiteException.class, () -> new SiteProfile("x",
                Protocol.FTP, "h", 21, "", PasswordMode.NOT_STORED, DataMode.PASSIVE, ExtendedMode.AUTO, null, null,
                "UTF 8", 0));
        assertEquals("字符集“UTF 8”未知", io.portside.ftp.UserMessage.textOf(badCharset, zh));
    }

    @Test
    void aWrongMasterPasswordIsReportedAsSuch() throws Exception {
        storeWithOneSavedPassword();
        SiteStore reopened = new SiteStore(config);
        WrongMasterPasswordException e = assertThrows(WrongMasterPasswordException.class,
                () -> reopened.unlock("correct horse battery stapler".toCharArray()));
        assertEquals("wrong master password", e.getMessage());
        assertFalse(reopened.isUnlocked());
    }

    @Test
    void aTamperedCiphertextFailsItsIntegrityCheck() throws Exception {
        storeWithOneSavedPassword();
        ObjectMapper m = new ObjectMapper();
        Path file = config.resolve(SiteStore.FILE_NAME);
        ObjectNode root = (ObjectNode) m.readTree(file.toFile());
        ObjectNode secret = (ObjectNode) root.get("sites").get(0).get("password");
        byte[] data = Base64.getDecoder().decode(secret.get("data").asText());
        data[0] ^= 0x01; // one bit of the ciphertext
        secret.put("data", Base64.getEncoder().encodeToString(data));
        m.writeValue(file.toFile(), root);

        SiteStore reopened = new SiteStore(config);
        reopened.unlock(MASTER.clone()); // the verifier is intact: the master password is right
        DamagedSecretException e = assertThrows(DamagedSecretException.class, () -> reopened.password("Work server"));
        assertTrue(e.getMessage().contains("altered or damaged"), e.getMessage());
        assertThrows(DamagedSecretException.class, () -> reopened.sessionSite("Work server", null));
        // and changing the master password refuses rather than carrying garbage along
        assertThrows(DamagedSecretException.class, () -> reopened.changeMasterPassword(MASTER.clone(), "new one".toCharArray()));
    }

    @Test
    void aTamperedIvOrVerifierIsCaughtToo() throws Exception {
        storeWithOneSavedPassword();
        ObjectMapper m = new ObjectMapper();
        Path file = config.resolve(SiteStore.FILE_NAME);
        ObjectNode root = (ObjectNode) m.readTree(file.toFile());
        ObjectNode secret = (ObjectNode) root.get("sites").get(0).get("password");
        byte[] iv = Base64.getDecoder().decode(secret.get("iv").asText());
        iv[11] ^= (byte) 0x80;
        secret.put("iv", Base64.getEncoder().encodeToString(iv));
        m.writeValue(file.toFile(), root);
        SiteStore reopened = new SiteStore(config);
        reopened.unlock(MASTER.clone());
        assertThrows(DamagedSecretException.class, () -> reopened.password("Work server"));

        ObjectNode verifier = (ObjectNode) root.get("master").get("verifier");
        verifier.put("data", "AAAA" + verifier.get("data").asText().substring(4));
        m.writeValue(file.toFile(), root);
        assertThrows(WrongMasterPasswordException.class, () -> new SiteStore(config).unlock(MASTER.clone()));
    }

    @Test
    void theConfigFolderNeverHoldsThePasswordInAnyEncoding() throws Exception {
        SiteStore store = storeWithOneSavedPassword();
        store.changeMasterPassword(MASTER.clone(), "another master".toCharArray());
        store.save(work(PasswordMode.STORED_ENCRYPTED).withName("Copy"), PASSWORD.toCharArray());
        String json = Files.readString(config.resolve(SiteStore.FILE_NAME));
        assertTrue(json.contains("\"Copy\"") && json.contains("ftp.example.test"), json); // the scan reads the real file
        LeakScanner scanner = new LeakScanner(PASSWORD);
        assertTrue(scanner.findIn(config).isEmpty(), scanner.findIn(config).toString());
        assertTrue(new LeakScanner("another master").findIn(config).isEmpty());
        assertTrue(new LeakScanner(new String(MASTER)).findIn(config).isEmpty());
    }

    @Test
    void notStoredWritesNoSecretAtAll() throws Exception {
        SiteStore store = new SiteStore(config);
        store.save(work(PasswordMode.NOT_STORED), PASSWORD.toCharArray()); // offered, but must be ignored
        JsonNode root = new ObjectMapper().readTree(config.resolve(SiteStore.FILE_NAME).toFile());
        assertTrue(root.get("master").isNull(), root.toString());
        assertTrue(root.get("sites").get(0).get("password").isNull(), root.toString());
        assertFalse(store.hasStoredPassword("Work server"));
        assertTrue(new LeakScanner(PASSWORD).findIn(config).isEmpty());
        assertThrows(SiteStoreException.class, () -> store.sessionSite("Work server", null));
        assertEquals("typed", store.sessionSite("Work server", "typed".toCharArray()).password());
    }

    @Test
    void switchingToNotStoredDropsTheSavedCiphertext() throws Exception {
        SiteStore store = storeWithOneSavedPassword();
        String before = Files.readString(config.resolve(SiteStore.FILE_NAME));
        String cipher = new ObjectMapper().readTree(before).get("sites").get(0).get("password").get("data").asText();
        store.save(work(PasswordMode.NOT_STORED), null);
        assertFalse(Files.readString(config.resolve(SiteStore.FILE_NAME)).contains(cipher));
        assertFalse(store.hasStoredPassword("Work server"));
    }

    @Test
    void storingAPasswordNeedsAnUnlockedStore() throws Exception {
        SiteStore fresh = new SiteStore(config);
        SiteStoreException none = assertThrows(SiteStoreException.class,
                () -> fresh.save(work(PasswordMode.STORED_ENCRYPTED), PASSWORD.toCharArray()));
        assertTrue(none.getMessage().contains("set a master password first"), none.getMessage());
        assertFalse(Files.exists(config.resolve(SiteStore.FILE_NAME)));

        fresh.createMasterPassword(MASTER.clone());
        fresh.lock();
        SiteStoreException locked = assertThrows(SiteStoreException.class,
                () -> fresh.save(work(PasswordMode.STORED_ENCRYPTED), PASSWORD.toCharArray()));
        assertTrue(locked.getMessage().contains("locked"), locked.getMessage());
        assertThrows(SiteStoreException.class, () -> fresh.createMasterPassword("x".toCharArray()));
    }

    @Test
    void changingTheMasterPasswordReencryptsEverything() throws Exception {
        SiteStore store = storeWithOneSavedPassword();
        store.save(work(PasswordMode.STORED_ENCRYPTED).withName("Second"), "other-secret".toCharArray());
        ObjectMapper m = new ObjectMapper();
        JsonNode before = m.readTree(config.resolve(SiteStore.FILE_NAME).toFile());

        assertThrows(WrongMasterPasswordException.class,
                () -> store.changeMasterPassword("not it".toCharArray(), "new master".toCharArray()));
        assertEquals(before, m.readTree(config.resolve(SiteStore.FILE_NAME).toFile()), "a refused change wrote nothing");

        store.changeMasterPassword(MASTER.clone(), "new master".toCharArray());
        JsonNode after = m.readTree(config.resolve(SiteStore.FILE_NAME).toFile());
        assertNotEquals(before.get("master").get("salt"), after.get("master").get("salt"));
        for (int i = 0; i < 2; i++) {
            assertNotEquals(before.get("sites").get(i).get("password"), after.get("sites").get(i).get("password"));
        }

        SiteStore reopened = new SiteStore(config);
        assertThrows(WrongMasterPasswordException.class, () -> reopened.unlock(MASTER.clone()));
        reopened.unlock("new master".toCharArray());
        assertArrayEquals(PASSWORD.toCharArray(), reopened.password("Work server"));
        assertArrayEquals("other-secret".toCharArray(), reopened.password("Second"));
    }

    @Test
    void aCrashBetweenTempWriteAndRenameLeavesTheOldFileValid() throws Exception {
        storeWithOneSavedPassword();
        Path file = config.resolve(SiteStore.FILE_NAME);
        byte[] old = Files.readAllBytes(file);

        // The first half of a write happens, then the process "dies" before the rename.
        Path temp = new AtomicFile(file).writeTemp("{\"version\":1,\"sites\":[{\"profile\":".getBytes(StandardCharsets.UTF_8));
        assertTrue(Files.exists(temp));
        assertEquals(file.getParent(), temp.getParent(), "the temp file must be in the same folder for an atomic rename");
        assertArrayEquals(old, Files.readAllBytes(file));

        SiteStore afterCrash = new SiteStore(config);
        afterCrash.unlock(MASTER.clone());
        assertArrayEquals(PASSWORD.toCharArray(), afterCrash.password("Work server"));

        afterCrash.save(SiteProfile.of("Later", "127.0.0.1", 21, "x"), null);
        assertFalse(Files.exists(temp), "the next save clears what the crash left");
        try (Stream<Path> left = Files.list(config)) {
            assertEquals(List.of(file), left.toList());
        }
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws Exception {
        Path nested = config.resolve("portside");
        SiteStore store = new SiteStore(nested);
        store.save(SiteProfile.of("A", "127.0.0.1", 21, "a"), null);
        Path file = nested.resolve(SiteStore.FILE_NAME);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(file));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(nested));
        }
    }

    @Test
    void lockingWipesTheKey() throws Exception {
        SiteStore store = storeWithOneSavedPassword();
        assertTrue(store.isUnlocked());
        store.lock();
        assertFalse(store.isUnlocked());
        assertThrows(SiteStoreException.class, () -> store.password("Work server"));

        MasterKey k = MasterKey.derive("pw".toCharArray(), new byte[16], MasterKey.MIN_ITERATIONS);
        byte[] held = k.bytes();
        k.wipe();
        assertArrayEquals(new byte[32], held);
        assertThrows(IllegalStateException.class, k::bytes);
    }

    @Test
    void aWeakKeyDerivationInTheFileIsRefused() throws Exception {
        storeWithOneSavedPassword();
        ObjectMapper m = new ObjectMapper();
        Path file = config.resolve(SiteStore.FILE_NAME);
        ObjectNode root = (ObjectNode) m.readTree(file.toFile());
        ((ObjectNode) root.get("master")).put("iterations", 1000);
        m.writeValue(file.toFile(), root);
        SiteStoreException e = assertThrows(SiteStoreException.class, () -> new SiteStore(config));
        assertTrue(e.getMessage().contains("weaker"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MasterKey.derive("x".toCharArray(), new byte[16], 599_999));
    }

    @Test
    void aDamagedFileIsReportedAndLeftAsItIs() throws Exception {
        Path file = config.resolve(SiteStore.FILE_NAME);
        Files.writeString(file, "{\"version\":1,\"sites\":[{\"profile\":{\"name\":");
        SiteStoreException e = assertThrows(SiteStoreException.class, () -> new SiteStore(config));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
        assertEquals("{\"version\":1,\"sites\":[{\"profile\":{\"name\":", Files.readString(file));
    }

    @Test
    void renamingKeepsTheStoredPasswordAndRefusesDuplicates() throws Exception {
        SiteStore store = storeWithOneSavedPassword();
        store.save(SiteProfile.of("Other", "127.0.0.1", 21, "o"), null);
        assertThrows(SiteStoreException.class,
                () -> store.replace("Work server", work(PasswordMode.STORED_ENCRYPTED).withName("Other"), null));
        store.replace("Work server", work(PasswordMode.STORED_ENCRYPTED).withName("Renamed"), null);
        assertEquals(List.of("Renamed", "Other"), store.profiles().stream().map(SiteProfile::name).toList());
        assertArrayEquals(PASSWORD.toCharArray(), store.password("Renamed"));
        store.remove("Renamed");
        assertEquals(List.of("Other"), new SiteStore(config).profiles().stream().map(SiteProfile::name).toList());
    }

    @Test
    void forgettingAllPasswordsRemovesTheMasterAndEveryCiphertext() throws Exception {
        SiteStore store = storeWithOneSavedPassword();
        store.forgetAllPasswords();
        SiteStore reopened = new SiteStore(config);
        assertFalse(reopened.hasMasterPassword());
        assertEquals(PasswordMode.NOT_STORED, reopened.profiles().get(0).passwordMode());
        assertFalse(Files.readString(config.resolve(SiteStore.FILE_NAME)).contains("\"iv\""));
    }

    @Test
    void aFileFromBeforeTheServerTimeOffsetReadsAsNoOffset() throws Exception {
        storeWithOneSavedPassword();
        Path file = config.resolve(SiteStore.FILE_NAME);
        String json = Files.readString(file);
        assertTrue(json.contains("\"timeOffsetMinutes\" : -90"), json);
        Files.writeString(file, json.replace("\"timeOffsetMinutes\" : -90,", "").replace(",\n      \"timeOffsetMinutes\" : -90", ""));
        assertFalse(Files.readString(file).contains("timeOffsetMinutes"), Files.readString(file));
        assertEquals(0, new SiteStore(config).profiles().get(0).timeOffsetMinutes());
    }

    @Test
    void profilesCheckWhatTheyAreGiven() {
        assertThrows(IllegalArgumentException.class, () -> SiteProfile.of(" ", "h", 21, "u"));
        assertThrows(IllegalArgumentException.class, () -> SiteProfile.of("n", "", 21, "u"));
        assertThrows(IllegalArgumentException.class, () -> SiteProfile.of("n", "h", 70000, "u"));
        assertThrows(IllegalArgumentException.class, () -> new SiteProfile("n", null, "h", 21, "u", null, null, null,
                null, null, "no-such-charset", 0));
        SiteProfile defaults = new SiteProfile("n", null, "h", 21, "u", null, null, null, null, null, null, 0);
        assertEquals(Protocol.FTP, defaults.protocol());
        assertEquals(PasswordMode.NOT_STORED, defaults.passwordMode());
        assertEquals("UTF-8", defaults.charset());
        assertThrows(IllegalArgumentException.class, () -> new SiteProfile("n", null, "h", 21, "u", null, null, null,
                null, null, null, 1441), "more than a day");
        assertFalse(work(PasswordMode.NOT_STORED).toString().contains(PASSWORD));
    }
}
