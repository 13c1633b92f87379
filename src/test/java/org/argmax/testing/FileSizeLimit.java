package org.argmax.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The largest file this JVM may write (RLIMIT_FSIZE), set with util-linux {@code prlimit}: a way to
 * make the server's H2 file fail its next write, for any user (no root, no mount). H2 then meets it
 * as it meets a full disk: the write fails ("File too large") and H2 closes the database. The JVM
 * ignores SIGXFSZ, so only the write fails; the limit is on file offsets, so files this JVM writes
 * meanwhile are not affected unless they grow that large. {@link #close} puts the original limit back.
 */
public final class FileSizeLimit implements AutoCloseable {
    private final String pid;
    private final String original;

    private FileSizeLimit(String pid, String original) {
        this.pid = pid;
        this.original = original;
    }

    /** This JVM's limit, or why it cannot be changed here (no prlimit: not Linux, or util-linux missing). */
    public static Optional<FileSizeLimit> ofThisJvm(StringBuilder whyNot) {
        String pid = String.valueOf(ProcessHandle.current().pid());
        Run soft = run("prlimit", "--pid", pid, "--fsize", "--output", "SOFT", "--noheadings");
        if (soft.code() != 0 || soft.output().isBlank()) {
            whyNot.append("limiting the file size needs util-linux prlimit (Linux). prlimit said: ").append(soft.output());
            return Optional.empty();
        }
        return Optional.of(new FileSizeLimit(pid, soft.output().trim()));
    }

    /** Files of this JVM may not grow beyond {@code bytes} from now on. */
    public void limitTo(long bytes) {
        set(String.valueOf(bytes));
    }

    /** The limit this JVM had before. */
    public void restore() {
        set(original);
    }

    @Override
    public void close() {
        restore();
    }

    private void set(String soft) {
        Run r = run("prlimit", "--pid", pid, "--fsize=" + soft + ":");
        if (r.code() != 0) throw new IllegalStateException("prlimit --fsize=" + soft + " failed: " + r.output());
    }

    /** A command's exit code (−1 when it could not run) and its output. */
    public record Run(int code, String output) {
    }

    /** Runs a command and waits for it (at most 30 s). */
    public static Run run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(-1, command[0] + " did not finish");
            }
            return new Run(p.exitValue(), out);
        } catch (IOException e) {
            return new Run(-1, command[0] + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "interrupted");
        }
    }
}
