package org.argmax.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.argmax.testing.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passwords of any length up to {@link PasswordHasher#MAX_LENGTH} characters through HTTP: bcrypt
 * reads 72 bytes and the library refused more (a 500), which also told unknown usernames apart.
 */
class PasswordsTest {
    private static final AtomicInteger unique = new AtomicInteger();

    @RegisterExtension
    static final ServerPerClass server = ServerPerClass.twoLessons();

    @Test
    void longPasswordsSignUpAndSignInAndEveryCharacterCounts() {
        for (String password : new String[]{"p".repeat(100), "q".repeat(300), "é".repeat(60), "r".repeat(PasswordHasher.MAX_LENGTH)}) {
            String user = "long" + unique.incrementAndGet();
            assertEquals(303, server.client().signUp("Long", user, password).statusCode(), password.length() + " characters");
            assertEquals(303, server.client().signIn(user, password).statusCode(), password.length() + " characters");
            String differsAtTheEnd = password.substring(0, password.length() - 1) + "!";
            assertEquals(401, server.client().signIn(user, differsAtTheEnd).statusCode(), "the last character counts, past bcrypt's 72 bytes");
        }
    }

    @Test
    void signUpOverTheMaximumIsAMessageNotAnError() {
        HttpResponse<String> r = server.client().signUp("Too long", "toolong" + unique.incrementAndGet(), "s".repeat(PasswordHasher.MAX_LENGTH + 1));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Choose a password of at most 1024 characters."), r.body());
    }

    @Test
    void longWrongPasswordsGetTheSameAnswerForKnownAndUnknownUsers() {
        for (int length : new int[]{73, 100, 201, 300, PasswordHasher.MAX_LENGTH, 5000}) {
            String known = "known" + unique.incrementAndGet();
            server.client().signUp("Known", known, "the right password");
            String wrong = "w".repeat(length);
            HttpResponse<String> forKnown = server.client().signIn(known, wrong);
            HttpResponse<String> forUnknown = server.client().signIn("unknown" + unique.incrementAndGet(), wrong);
            assertEquals(401, forKnown.statusCode(), length + " characters, known user");
            assertEquals(401, forUnknown.statusCode(), length + " characters, unknown user");
            assertTrue(forKnown.body().contains(AccountService.WRONG_CREDENTIALS));
            assertTrue(forUnknown.body().contains(AccountService.WRONG_CREDENTIALS));
        }
    }

    /** Accounts made before the pre-hash keep working, and get the new hash at their next sign-in. */
    @Test
    void oldBcryptHashesStillSignInAndAreReplaced() {
        UserRepository users = new UserRepository(server.app().database().dataSource());
        String user = "legacy" + unique.incrementAndGet();
        String password = "seventy-two bytes at most, as before";
        String old = BCrypt.withDefaults().hashToString(4, password.toCharArray());
        users.insert(user, "Legacy", old, Role.LEARNER).orElseThrow();

        assertEquals(401, server.client().signIn(user, "x".repeat(300)).statusCode(), "a long wrong password against an old hash");
        assertEquals(401, server.client().signIn(user, "not it").statusCode());
        assertEquals(303, server.client().signIn(user, password).statusCode());
        String now = users.credentials(user).orElseThrow().passwordHash();
        assertTrue(now.startsWith(PasswordHasher.PREFIX + "$2a$04$"), now);
        assertEquals(303, server.client().signIn(user, password).statusCode(), "and with the new hash");
    }

    @Test
    void hasherAcceptsAnyLengthAndOldHashes() {
        PasswordHasher hasher = new PasswordHasher(4);
        String hash = hasher.hash("a".repeat(2000));
        assertTrue(hasher.verify("a".repeat(2000), hash));
        assertFalse(hasher.verify("a".repeat(1999), hash));
        assertFalse(hasher.verify("a".repeat(72), hash));
        assertFalse(hasher.needsRehash(hash));
        String old = BCrypt.withDefaults().hashToString(4, "x".repeat(72).toCharArray());
        assertTrue(hasher.verify("x".repeat(72), old));
        assertFalse(hasher.verify("x".repeat(73), old));
        assertTrue(hasher.needsRehash(old));
    }
}
