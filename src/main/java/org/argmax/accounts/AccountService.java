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

    public User signUp(String displayName, String username, String password) {
        return create(displayName, username, password, Role.LEARNER);
    }

    public User create(String displayName, String username, String password, Role role) {
        String name = displayName == null ? "" : displayName.strip();
        String user = normalize(username);
        if (name.isEmpty() || name.length() > 100) throw new AccountException(400, "Choose a display name of 1 to 100 characters.");
        if (!USERNAME.matcher(user).matches()) {
            throw new AccountException(400, "Choose a username (or email) of 3 to 200 characters: letters, digits and . _ @ + -");
        }
        String weak = PasswordHasher.problemWith(password);
        if (weak != null) throw new AccountException(400, weak);
        return users.insert(user, name, hasher.hash(password), role)
                .orElseThrow(() -> new AccountException(409, "That username is already taken; choose another or sign in."));
    }

    /** Checks the password; the same message for an unknown user and a wrong password. */
    public User signIn(String username, String password, String address) {
        String user = normalize(username);
        // check, verify and record as one step per account, so parallel guesses cannot all pass the check
        synchronized (signInLocks[Math.floorMod(user.hashCode(), signInLocks.length)]) {
            return signInLocked(user, password, address);
        }
    }

    private final Object[] signInLocks = java.util.stream.Stream.generate(Object::new).limit(64).toArray();

    private User signInLocked(String user, String password, String address) {
        long wait = throttle.minutesToWait(user, address);
        if (wait > 0) throw new AccountException(429, "Too many sign-in attempts; try again in " + wait + " minute" + (wait == 1 ? "" : "s") + ".");
        Optional<UserRepository.Credentials> found = users.credentials(user);
        String pw = password == null ? "" : password;
        if (found.isEmpty()) {
            hasher.verifyDummy(pw);
        } else if (pw.length() <= 200 && hasher.verify(pw, found.get().passwordHash())) {
            throttle.clear(user);
            return found.get().user();
        }
        throttle.recordFailure(user, address);
        throw new AccountException(401, WRONG_CREDENTIALS);
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
