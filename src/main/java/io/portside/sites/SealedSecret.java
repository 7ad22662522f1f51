package io.portside.sites;

/**
 * One AES-256-GCM ciphertext as stored in the file: a fresh random 12-byte IV and the
 * ciphertext with its 16-byte tag, both Base64.
 */
public record SealedSecret(String iv, String data) {
}
