package org.argmax.testing;

import org.argmax.accounts.AccountService;
import org.argmax.accounts.LoginThrottle;
import org.argmax.accounts.PasswordHasher;
import org.argmax.accounts.Role;
import org.argmax.accounts.SessionRepository;
import org.argmax.accounts.UserRepository;

import javax.sql.DataSource;

/** Accounts straight on a test server's database (to make learners and instructors), wired as App wires them, with bcrypt cost 4. */
public final class TestAccounts {
    private TestAccounts() {
    }

    public static AccountService on(DataSource db) {
        return new AccountService(new UserRepository(db), new SessionRepository(db), new LoginThrottle(db), new PasswordHasher(4));
    }

    /** The page tests' instructor "prof" and learner "ada" (each with the password "NAME's long password"); returns Ada's id. */
    public static long professorAndAda(DataSource db) {
        AccountService accounts = on(db);
        accounts.create("Professor", "prof", "prof's long password", Role.INSTRUCTOR);
        return accounts.create("Ada", "ada", "ada's long password", Role.LEARNER).id();
    }
}
