package org.argmax.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Sign-up, sign-in (throttled), password changes and the user list for the CLI. */
public final class AccountService {
    public static final String WRONG_CREDENTIALS = "Wrong username or password.";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@+-]{3,200}");

    private final UserRepository users;
    private final SessionRepository sessions;
    private final LoginThrottle throttle;
    private final PasswordHasher hasher;

    public AccountService(UserRepository users, SessionRepository sessions, LoginThrottle throttle, PasswordHasher hasher) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.hasher = hasher;
    }

    /** Usernames are compared without case: "Ada@Example.org" and "ada@example.org" are one account. */
    public static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** A learner signing up on the site: limited per address (429), and the address becomes the account's known one. */
    public User signUp(String displayName, String username, String password, String address) {
        NewUser u = validated(displayName, username, password);
        throttle.reserveSignUp(address);
        User user = insert(u, Role.LEARNER);
        throttle.signedUp(user.username(), address);
        return user;
    }

    /** An account made on the server machine (the {@code user add} command): no limits. */
    public User create(String displayName, String username, String password, Role role) {
        return insert(validated(displayName, username, password), role);
    }

    private record NewUser(String displayName, String username, String password) {
    }

    private static NewUser validated(String displayName, String username, String password) {
        String name = displayName == null ? "" : displayName.strip();
        String user = normalize(username);
        if (name.isEmpty() || name.length() > 100) throw new AccountException(400, "Choose a display name of 1 to 100 characters.");
        String odd = displayNameProblem(name);
        if (odd != null) throw new AccountException(400, odd);
        if (!USERNAME.matcher(user).matches()) {
            throw new AccountException(400, "Choose a username (or email) of 3 to 200 characters: letters, digits and . _ @ + -");
        }
        String weak = PasswordHasher.problemWith(password);
        if (weak != null) throw new AccountException(400, weak);
        return new NewUser(name, user, password);
    }

    /**
     * Why a display name cannot be shown to others, or null: control characters (NUL, escape, line
     * breaks…) and the characters that change the direction of text (U+202E RIGHT-TO-LEFT OVERRIDE,
     * which makes "Ada\u202Egnp.exe" read "Adaexe.png", and the other embeddings, isolates and marks).
     */
    static String displayNameProblem(String name) {
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int type = Character.getType(cp);
            boolean control = type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE || cp == 0xFFFE || cp == 0xFFFF;
            boolean direction = cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
            if (control || direction) {
                String which = String.format(Locale.ROOT, "U+%04X", cp) + (Character.getName(cp) == null ? "" : " " + Character.getName(cp));
                return "A display name cannot contain control characters or characters that change the direction of text; "
                        + "yours has " + which + ". Choose a name of letters, digits, spaces and punctuation.";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    private User insert(NewUser u, Role role) {
        return users.insert(u.username(), u.displayName(), hasher.hash(u.password()), role)
                .orElseThrow(() -> new AccountException(409, "That username is already taken; choose another or sign in."));
    }

    /**
     * Checks the password; the same message for an unknown user and a wrong password. The attempt
     * is reserved in the database before the (slow) check, so parallel guesses on any number of
     * servers get no more checks than the limits allow; the rest get 429.
     */
    public User signIn(String username, String password, String address) {
        String user = normalize(username);
        LoginThrottle.Attempt attempt = throttle.reserveSignIn(user, address);
        String pw = password == null ? "" : password;
        Optional<UserRepository.Credentials> found = users.credentials(user);
        if (found.isEmpty()) {
            hasher.verifyDummy(pw);
            throw new AccountException(401, WRONG_CREDENTIALS);
        }
        String hash = found.get().passwordHash();
        if (!hasher.verify(pw, hash)) throw new AccountException(401, WRONG_CREDENTIALS); // the reserved attempt stays a failure
        throttle.succeeded(attempt);
        if (hasher.needsRehash(hash)) users.replacePasswordHash(user, hash, hasher.hash(pw));
        return found.get().user();
    }

    /** Opens a new session (a fresh id every sign-in) and returns the cookie value. */
    public String openSession(User user) {
        return sessions.create(user.id());
    }

    public void closeSession(String cookieValue) {
        sessions.delete(cookieValue);
    }

    public void setPassword(String username, String password) {
        String weak = PasswordHasher.problemWith(password);
        if (weak != null) throw new AccountException(400, weak);
        String user = normalize(username);
        UserRepository.Credentials c = users.credentials(user).orElseThrow(() -> new AccountException(404, "There is no user '" + user + "'."));
        users.setPasswordHash(user, hasher.hash(password));
        sessions.deleteAllFor(c.user().id());
    }

    public List<User> users() {
        return users.all();
    }
}
