package io.portside.sites;

import io.portside.ftp.UserMessage;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.portside.ftp.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;

/**
 * The saved sites of one config folder ({@code sites.json} inside it). Passwords are kept
 * only as AES-256-GCM ciphertext under a key derived from the master password, or not at all
 * ({@link PasswordMode#NOT_STORED}); they are decrypted only when asked for, to open a session.
 *
 * <p>Every change is written at once, atomically (see {@link AtomicFile}); memory changes only
 * after the write succeeded. Thread-safe: the UI and a transfer queue may share one store.
 */
public final class SiteStore {
    public static final String FILE_NAME = "sites.json";
    static final String VERIFIER_PURPOSE = "portside/master-verifier/v1";
    static final String PASSWORD_PURPOSE = "portside/site-password/v1";
    private static final byte[] VERIFIER_TEXT = "portside master password verifier".getBytes(StandardCharsets.US_ASCII);

    private final AtomicFile file;
    private final SecureRandom random;
    private final ObjectMapper json = JsonMapper.builder()
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private SitesFile.Master master;
    private final Map<String, SitesFile.Entry> sites = new LinkedHashMap<>();
    private MasterKey key;

    /** Opens (does not yet create) {@code configDir/sites.json}; the caller picks the folder. */
    public SiteStore(Path configDir) throws SiteStoreException {
        this.file = new AtomicFile(configDir.resolve(FILE_NAME));
        this.random = new SecureRandom();
        load();
    }

    private void load() throws SiteStoreException {
        SitesFile f;
        try {
            byte[] bytes = file.readOrNull();
            f = bytes == null ? SitesFile.empty() : json.readValue(bytes, SitesFile.class);
        } catch (IOException | RuntimeException e) {
            throw new SiteStoreException(UserMessage.of("sites.unreadable", file.path(), firstLine(e)), e);
        }
        if (f.version() > SitesFile.CURRENT_VERSION) {
            throw new SiteStoreException(UserMessage.of("sites.newer", file.path(), f.version()));
        }
        if (f.master() != null && (!MasterKey.ALGORITHM.equals(f.master().kdf())
                || f.master().iterations() < MasterKey.MIN_ITERATIONS)) {
            throw new SiteStoreException(UserMessage.of("sites.weakKdf", file.path(), MasterKey.ALGORITHM,
                    MasterKey.MIN_ITERATIONS));
        }
        master = f.master();
        for (SitesFile.Entry e : f.sites() == null ? List.<SitesFile.Entry>of() : f.sites()) {
            if (e != null && e.profile() != null) {
                sites.put(e.profile().name(), e);
            }
        }
    }

    public Path file() {
        return file.path();
    }

    public synchronized List<SiteProfile> profiles() {
        return sites.values().stream().map(SitesFile.Entry::profile).toList();
    }

    public synchronized Optional<SiteProfile> find(String name) {
        return Optional.ofNullable(sites.get(name)).map(SitesFile.Entry::profile);
    }

    /**
     * The saved site that stores a password for {@code site}'s address and user (same protocol,
     * host, port and user), if any: where a job restored from the saved queue, which keeps no
     * passwords, finds its password.
     */
    public synchronized Optional<SiteProfile> storingPasswordOf(Site site) {
        return sites.values().stream()
                .filter(e -> e.password() != null)
                .map(SitesFile.Entry::profile)
                .filter(p -> p.protocol() == site.protocol() && p.host().equalsIgnoreCase(site.host())
                        && p.port() == site.port() && Objects.equals(site.user(), p.user()))
                .findFirst();
    }

    /** True once a master password was set (even when no password is stored any more). */
    public synchronized boolean hasMasterPassword() {
        return master != null;
    }

    /** True while the key is in memory: passwords can be stored and read. */
    public synchronized boolean isUnlocked() {
        return key != null;
    }

    public synchronized boolean hasStoredPassword(String name) {
        SitesFile.Entry e = sites.get(name);
        return e != null && e.password() != null;
    }

    /** Sets the first master password and unlocks. The caller wipes {@code newMaster}. */
    public synchronized void createMasterPassword(char[] newMaster) throws SiteStoreException {
        if (master != null) {
            throw new SiteStoreException(UserMessage.of("sites.masterExists"));
        }
        requireNonEmpty(newMaster);
        byte[] salt = MasterKey.newSalt(random);
        MasterKey k = MasterKey.derive(newMaster, salt, MasterKey.MIN_ITERATIONS);
        SitesFile.Master m = masterRecord(k, salt);
        try {
            write(m, sites);
        } catch (SiteStoreException e) {
            k.wipe();
            throw e;
        }
        master = m;
        replaceKey(k);
    }

    /** Derives the key and checks it against the verifier. */
    public synchronized void unlock(char[] masterPassword) throws SiteStoreException {
        if (master == null) {
            throw new SiteStoreException(UserMessage.of("sites.noMasterYet"));
        }
        replaceKey(checked(masterPassword));
    }

    /** Wipes the key from memory; stored passwords cannot be read until the next unlock. */
    public synchronized void lock() {
        replaceKey(null);
    }

    /**
     * Re-encrypts every stored password under a new master password (new salt, new IVs), in
     * one atomic write. Nothing changes when the old password is wrong or a secret is damaged.
     */
    public synchronized void changeMasterPassword(char[] oldMaster, char[] newMaster) throws SiteStoreException {
        if (master == null) {
            throw new SiteStoreException(UserMessage.of("sites.noMasterYet"));
        }
        requireNonEmpty(newMaster);
        MasterKey oldKey = checked(oldMaster);
        MasterKey newKey = null;
        List<char[]> plain = new ArrayList<>();
        try {
            byte[] salt = MasterKey.newSalt(random);
            newKey = MasterKey.derive(newMaster, salt, MasterKey.MIN_ITERATIONS);
            SecretBox oldBox = new SecretBox(oldKey, random);
            SecretBox newBox = new SecretBox(newKey, random);
            Map<String, SitesFile.Entry> resealed = new LinkedHashMap<>();
            for (SitesFile.Entry e : sites.values()) {
                SealedSecret s = e.password();
                if (s != null) {
                    char[] pw = open(oldBox, e.profile().name(), s);
                    plain.add(pw);
                    s = newBox.sealChars(pw, PASSWORD_PURPOSE);
                }
                resealed.put(e.profile().name(), new SitesFile.Entry(e.profile(), s));
            }
            SitesFile.Master m = masterRecord(newKey, salt);
            write(m, resealed);
            master = m;
            sites.clear();
            sites.putAll(resealed);
            replaceKey(newKey);
            newKey = null;
        } finally {
            plain.forEach(p -> Arrays.fill(p, '\0'));
            oldKey.wipe();
            if (newKey != null) {
                newKey.wipe();
            }
        }
    }

    /**
     * Adds or replaces the site named {@code profile.name()}. See {@link #replace}.
     */
    public synchronized void save(SiteProfile profile, char[] password) throws SiteStoreException {
        replace(profile.name(), profile, password);
    }

    /**
     * Replaces the site {@code oldName} (or adds it when there is none) by {@code profile},
     * which may carry a new name. With {@link PasswordMode#STORED_ENCRYPTED}: a non-null
     * {@code password} is encrypted (the store must be unlocked); null keeps the password
     * stored before, if any. With {@link PasswordMode#NOT_STORED} any stored password is
     * dropped and {@code password} is ignored. The caller wipes {@code password}.
     */
    public synchronized void replace(String oldName, SiteProfile profile, char[] password) throws SiteStoreException {
        if (!profile.name().equals(oldName) && sites.containsKey(profile.name())) {
            throw new SiteStoreException(UserMessage.of("sites.exists", profile.name()));
        }
        SitesFile.Entry before = sites.get(oldName);
        SealedSecret secret = null;
        if (profile.passwordMode() == PasswordMode.STORED_ENCRYPTED) {
            if (password != null) {
                secret = new SecretBox(requireKey(), random).sealChars(password, PASSWORD_PURPOSE);
            } else if (before != null) {
                secret = before.password();
            }
        }
        Map<String, SitesFile.Entry> next = new LinkedHashMap<>();
        boolean placed = false;
        for (Map.Entry<String, SitesFile.Entry> e : sites.entrySet()) {
            if (e.getKey().equals(oldName)) {
                next.put(profile.name(), new SitesFile.Entry(profile, secret));
                placed = true;
            } else {
                next.put(e.getKey(), e.getValue());
            }
        }
        if (!placed) {
            next.put(profile.name(), new SitesFile.Entry(profile, secret));
        }
        commit(next);
    }

    public synchronized void remove(String name) throws SiteStoreException {
        if (!sites.containsKey(name)) {
            return;
        }
        Map<String, SitesFile.Entry> next = new LinkedHashMap<>(sites);
        next.remove(name);
        commit(next);
    }

    /**
     * For a forgotten master password: every stored password is dropped (the sites become
     * {@link PasswordMode#NOT_STORED}) and the master password is removed.
     */
    public synchronized void forgetAllPasswords() throws SiteStoreException {
        Map<String, SitesFile.Entry> next = new LinkedHashMap<>();
        sites.forEach((n, e) -> next.put(n, new SitesFile.Entry(e.profile().withPasswordMode(PasswordMode.NOT_STORED), null)));
        write(null, next);
        master = null;
        sites.clear();
        sites.putAll(next);
        replaceKey(null);
    }

    /**
     * Decrypts the stored password of {@code name}, to open a session now; the caller wipes
     * the array when done. Needs the store unlocked.
     */
    public synchronized char[] password(String name) throws SiteStoreException {
        SitesFile.Entry e = sites.get(name);
        if (e == null) {
            throw new SiteStoreException(UserMessage.of("sites.noSuchSite", name));
        }
        if (e.password() == null) {
            throw new SiteStoreException(UserMessage.of("sites.passwordNotStored", name));
        }
        return open(new SecretBox(requireKey(), random), name, e.password());
    }

    /**
     * The site ready for {@code FtpSession.open}: with its stored password decrypted, or with
     * {@code typedPassword} (asked from the user) when the password is not stored.
     */
    public synchronized Site sessionSite(String name, char[] typedPassword) throws SiteStoreException {
        SiteProfile p = find(name).orElseThrow(() -> new SiteStoreException(UserMessage.of("sites.noSuchSite", name)));
        if (hasStoredPassword(name)) {
            char[] pw = password(name);
            try {
                return p.toSite(new String(pw));
            } finally {
                Arrays.fill(pw, '\0');
            }
        }
        if (typedPassword == null && !p.isAnonymous()) {
            throw new SiteStoreException(UserMessage.of("sites.passwordNotStored", name));
        }
        return p.toSite(typedPassword == null ? null : new String(typedPassword));
    }

    private MasterKey checked(char[] masterPassword) throws SiteStoreException {
        byte[] salt;
        try {
            salt = Base64.getDecoder().decode(master.salt());
        } catch (IllegalArgumentException e) {
            throw new SiteStoreException(UserMessage.of("sites.saltDamaged", file.path()), e);
        }
        MasterKey k = MasterKey.derive(masterPassword, salt, master.iterations());
        try {
            byte[] text = new SecretBox(k, random).open(master.verifier(), VERIFIER_PURPOSE);
            if (!Arrays.equals(text, VERIFIER_TEXT)) {
                throw new AEADBadTagException("unexpected verifier");
            }
            return k;
        } catch (AEADBadTagException e) {
            k.wipe();
            throw new WrongMasterPasswordException();
        }
    }

    private static char[] open(SecretBox box, String name, SealedSecret s) throws DamagedSecretException {
        try {
            return box.openChars(s, PASSWORD_PURPOSE);
        } catch (AEADBadTagException e) {
            throw new DamagedSecretException(name, e);
        }
    }

    private SitesFile.Master masterRecord(MasterKey k, byte[] salt) {
        SealedSecret verifier = new SecretBox(k, random).seal(VERIFIER_TEXT, VERIFIER_PURPOSE);
        return new SitesFile.Master(MasterKey.ALGORITHM, MasterKey.MIN_ITERATIONS, Base64.getEncoder().encodeToString(salt), verifier);
    }

    private MasterKey requireKey() throws SiteStoreException {
        if (key == null) {
            throw new SiteStoreException(UserMessage.of(master == null ? "sites.noMaster" : "sites.locked"));
        }
        return key;
    }

    private void replaceKey(MasterKey k) {
        if (key != null && key != k) {
            key.wipe();
        }
        key = k;
    }

    private static void requireNonEmpty(char[] pw) throws SiteStoreException {
        if (pw == null || pw.length == 0) {
            throw new SiteStoreException(UserMessage.of("sites.emptyMaster"));
        }
    }

    private void commit(Map<String, SitesFile.Entry> next) throws SiteStoreException {
        write(master, next);
        sites.clear();
        sites.putAll(next);
    }

    private void write(SitesFile.Master m, Map<String, SitesFile.Entry> entries) throws SiteStoreException {
        SitesFile f = new SitesFile(SitesFile.CURRENT_VERSION, m, List.copyOf(entries.values()));
        try {
            file.write(json.writeValueAsBytes(f));
        } catch (IOException e) {
            throw new SiteStoreException(UserMessage.of("sites.notSaved", file.path(), firstLine(e)), e);
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
