package org.argmax.cli;

import org.argmax.accounts.AccountException;
import org.argmax.accounts.AccountService;
import org.argmax.accounts.LoginThrottle;
import org.argmax.accounts.PasswordHasher;
import org.argmax.accounts.Role;
import org.argmax.accounts.SessionRepository;
import org.argmax.accounts.User;
import org.argmax.accounts.UserRepository;
import org.argmax.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/** {@code argmax user add|list|set-password}: accounts from the command line (the first instructor is made here). */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.SetPassword.class})
public final class UserCommand {

    static AccountService service(Database db) {
        var ds = db.dataSource();
        return new AccountService(new UserRepository(ds), new SessionRepository(ds), new LoginThrottle(ds), new PasswordHasher(PasswordHasher.DEFAULT_COST));
    }

    /** Reads the password from standard input (one line) or asks on the console without echo. */
    static String password(boolean fromStdin, String prompt) throws IOException {
        if (!fromStdin) {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword(prompt);
                char[] again = console.readPassword("Again: ");
                if (first == null || again == null || !new String(first).equals(new String(again))) {
                    throw new AccountException(400, "The two passwords differ.");
                }
                return new String(first);
            }
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) throw new AccountException(400, "No password on standard input.");
        return line;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account (a learner unless --instructor).")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DatabaseOptions db;
        @Parameters(index = "0", description = "Username or email.") String username;
        @Option(names = "--name", required = true, description = "Display name.") String name;
        @Option(names = "--instructor", description = "Make an instructor account.") boolean instructor;
        @Option(names = "--password-stdin", description = "Read the password from standard input.") boolean stdin;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Database database = db.open()) {
                User u = service(database).create(name, username, password(stdin, "Password for " + username + ": "),
                        instructor ? Role.INSTRUCTOR : Role.LEARNER);
                out.println("Created " + u.role().name().toLowerCase() + " '" + u.username() + "' (id " + u.id() + ").");
                return 0;
            } catch (AccountException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every account.")
    static final class ListUsers implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DatabaseOptions db;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database database = db.open()) {
                out.printf("%-5s %-30s %-30s %-10s %s%n", "ID", "USERNAME", "NAME", "ROLE", "CREATED");
                for (User u : service(database).users()) {
                    out.printf("%-5d %-30s %-30s %-10s %s%n", u.id(), u.username(), u.displayName(), u.role().name().toLowerCase(),
                            u.createdAt() == null ? "" : u.createdAt().format(DateTimeFormatter.ISO_LOCAL_DATE));
                }
                return 0;
            }
        }
    }

    @Command(name = "set-password", mixinStandardHelpOptions = true, description = "Set a new password (signs the user out everywhere).")
    static final class SetPassword implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DatabaseOptions db;
        @Parameters(index = "0", description = "Username or email.") String username;
        @Option(names = "--password-stdin", description = "Read the password from standard input.") boolean stdin;

        @Override
        public Integer call() throws IOException {
            try (Database database = db.open()) {
                service(database).setPassword(username, password(stdin, "New password for " + username + ": "));
                spec.commandLine().getOut().println("Password changed for '" + AccountService.normalize(username) + "'.");
                return 0;
            } catch (AccountException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
        }
    }
}
