package io.portside.sites;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The AES-256 key derived from the master password with PBKDF2-HMAC-SHA256. Held as a byte
 * array so {@link #wipe()} can overwrite it when the store is locked. (The JCE makes short-lived
 * copies inside each cipher call; those cannot be wiped from here.)
 */
public final class MasterKey implements AutoCloseable {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; files asking for fewer are refused. */
    public static final int MIN_ITERATIONS = 600_000;
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;

    private final byte[] key;
    private volatile boolean wiped;

    private MasterKey(byte[] key) {
        this.key = key;
    }

    /** Derives the key; the caller still owns (and should wipe) {@code password}. */
    public static MasterKey derive(char[] password, byte[] salt, int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 needs at least " + MIN_ITERATIONS + " iterations, not " + iterations);
        }
        if (salt.length < SALT_BYTES) {
            throw new IllegalArgumentException("the salt must have at least " + SALT_BYTES + " bytes");
        }
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return new MasterKey(SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no " + ALGORITHM, e);
        } finally {
            spec.clearPassword();
        }
    }

    static byte[] newSalt(SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return salt;
    }

    /** The raw key, for {@link SecretBox} only; fails once wiped. */
    byte[] bytes() {
        if (wiped) {
            throw new IllegalStateException("the master key was wiped (the store is locked)");
        }
        return key;
    }

    public boolean isWiped() {
        return wiped;
    }

    /** Overwrites the key with zeros. */
    public void wipe() {
        wiped = true;
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public void close() {
        wipe();
    }
}
