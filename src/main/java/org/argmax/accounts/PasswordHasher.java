package org.argmax.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * bcrypt (at.favre.lib:bcrypt) of a SHA-256 pre-hash, so every password up to {@link #MAX_LENGTH}
 * characters counts in full (bcrypt itself reads at most 72 bytes and the library refuses more).
 * Stored form: {@code $sha256$} followed by the bcrypt string of base64(SHA-256(UTF-8 password)),
 * e.g. {@code $sha256$$2a$12$...} (68 characters). The pre-hash is base64 text (44 ASCII bytes), so
 * no NUL byte can cut it short inside bcrypt.
 * <p>
 * Hashes without the prefix ({@code $2a$...}) were made before the pre-hash existed, from the raw
 * UTF-8 password of at most 72 bytes; they are still verified that way, and {@link #needsRehash}
 * tells the caller to replace them after a successful sign-in.
 * <p>
 * Cost 12 by default (~0.3 s per hash on this machine class); tests pass a lower cost.
 * Verification is constant-time in the library.
 */
public final class PasswordHasher {
    public static final int DEFAULT_COST = 12;
    public static final int MIN_LENGTH = 10;
    /** Characters (UTF-16 units), checked at sign-up and password change. */
    public static final int MAX_LENGTH = 1024;
    static final String PREFIX = "$sha256$";
    private static final int BCRYPT_MAX_BYTES = 72;

    /**
     * {@code hash("argmax-timing-equalizer")} at {@link #DEFAULT_COST}, made once and written here: a
     * cost-12 hash takes ~0.3 s, which start-up need not spend. It is only ever checked against (by
     * {@link #verifyDummy}, for unknown usernames), so its salt need not be secret, and checking it
     * costs exactly what checking a learner's cost-12 hash costs (tested in PasswordsTest).
     */
    static final String DEFAULT_COST_DUMMY_HASH = PREFIX + "$2a$12$0hj3cnx05E8pzFTVbBG3tOR3qUxA9oFXSfHv6YiI2UbMS2DYg/glS";
    static final String DUMMY_PASSWORD = "argmax-timing-equalizer";

    private final int cost;
    private final String dummyHash;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.dummyHash = cost == DEFAULT_COST ? DEFAULT_COST_DUMMY_HASH : hash(DUMMY_PASSWORD);
    }

    public String hash(String password) {
        return PREFIX + new String(BCrypt.withDefaults().hash(cost, preHash(password)), StandardCharsets.US_ASCII);
    }

    /** Any password of any length against any stored hash: true or false, never an exception. */
    public boolean verify(String password, String hash) {
        String pw = password == null ? "" : password;
        if (hash.startsWith(PREFIX)) return bcrypt(preHash(pw), hash.substring(PREFIX.length()));
        byte[] raw = pw.getBytes(StandardCharsets.UTF_8);
        if (raw.length > BCRYPT_MAX_BYTES) {
            // an old hash was made from at most 72 bytes, so this cannot match; spend the same time anyway
            verifyDummy(pw);
            return false;
        }
        return bcrypt(raw, hash);
    }

    /** True for hashes made before the pre-hash: replace them once the password is known to be right. */
    public boolean needsRehash(String hash) {
        return !hash.startsWith(PREFIX);
    }

    /** Spends the time of a real check, so unknown usernames cannot be told apart by timing. */
    public void verifyDummy(String password) {
        verify(password, dummyHash);
    }

    /** Null when acceptable, else what is wrong. */
    public static String problemWith(String password) {
        if (password == null || password.length() < MIN_LENGTH) return "Choose a password of at least " + MIN_LENGTH + " characters.";
        if (password.length() > MAX_LENGTH) return "Choose a password of at most " + MAX_LENGTH + " characters.";
        return null;
    }

    private static boolean bcrypt(byte[] password, String hash) {
        return BCrypt.verifyer().verify(password, hash.getBytes(StandardCharsets.US_ASCII)).verified;
    }

    private static byte[] preHash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encode(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
