package org.argmax.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt (at.favre.lib:bcrypt). Cost 12 by default (~0.3 s per hash on this machine class); tests
 * pass a lower cost. Verification is constant-time in the library.
 */
public final class PasswordHasher {
    public static final int DEFAULT_COST = 12;
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 72; // bcrypt reads at most 72 bytes

    private final int cost;
    private final String dummyHash;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.dummyHash = hash("argmax-timing-equalizer");
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the time of a real check, so unknown usernames cannot be told apart by timing. */
    public void verifyDummy(String password) {
        verify(password, dummyHash);
    }

    /** Null when acceptable, else what is wrong. */
    public static String problemWith(String password) {
        if (password == null || password.length() < MIN_LENGTH) return "Choose a password of at least " + MIN_LENGTH + " characters.";
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) return "Choose a password of at most " + MAX_LENGTH + " bytes.";
        return null;
    }
}
