package io.portside.sites;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under a {@link MasterKey}: every seal draws a fresh random 12-byte IV, and the
 * 128-bit tag makes any change to IV, ciphertext or purpose fail on opening instead of giving
 * garbage. The purpose string is authenticated data, so a verifier cannot pass for a password.
 */
final class SecretBox {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey key;
    private final SecureRandom random;

    SecretBox(MasterKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    SealedSecret seal(byte[] plaintext, String purpose) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, iv, purpose);
            Base64.Encoder b64 = Base64.getEncoder();
            return new SealedSecret(b64.encodeToString(iv), b64.encodeToString(c.doFinal(plaintext)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /** @throws AEADBadTagException when the key is wrong or the data was changed */
    byte[] open(SealedSecret sealed, String purpose) throws AEADBadTagException {
        byte[] iv;
        byte[] data;
        try {
            iv = Base64.getDecoder().decode(sealed.iv());
            data = Base64.getDecoder().decode(sealed.data());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AEADBadTagException("not Base64");
        }
        if (iv.length != IV_BYTES || data.length < TAG_BITS / 8) {
            throw new AEADBadTagException("wrong IV or ciphertext length");
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, iv, purpose).doFinal(data);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    SealedSecret sealChars(char[] secret, String purpose) {
        byte[] plain = utf8(secret);
        try {
            return seal(plain, purpose);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    char[] openChars(SealedSecret sealed, String purpose) throws AEADBadTagException {
        byte[] plain = open(sealed, purpose);
        try {
            return decodeUtf8(plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** UTF-8 to chars without a String (which could not be wiped). */
    static char[] decodeUtf8(byte[] bytes) {
        CharBuffer cb = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        char[] out = Arrays.copyOfRange(cb.array(), cb.position(), cb.limit());
        Arrays.fill(cb.array(), '\0');
        return out;
    }

    private Cipher cipher(int mode, byte[] iv, String purpose) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance(TRANSFORMATION);
        c.init(mode, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, iv));
        c.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
        return c;
    }

    static byte[] utf8(char[] chars) {
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = Arrays.copyOfRange(bb.array(), bb.position(), bb.limit());
        Arrays.fill(bb.array(), (byte) 0);
        return out;
    }
}
