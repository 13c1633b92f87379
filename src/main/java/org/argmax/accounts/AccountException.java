package org.argmax.accounts;

/** A sign-up or sign-in that cannot go ahead, with a message for the person at the form. */
public class AccountException extends RuntimeException {
    private final int status;
    private final long retryAfterSeconds;

    public AccountException(int status, String message) {
        this(status, message, 0);
    }

    private AccountException(int status, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429: {@code what} ("sign-in attempts", "sign-ups from your address") may be tried again in this many seconds. */
    public static AccountException tooMany(String what, long seconds) {
        long wait = Math.max(1, seconds);
        long minutes = (wait + 59) / 60;
        return new AccountException(429, "Too many " + what + "; try again in " + minutes + " minute" + (minutes == 1 ? "" : "s") + ".", wait);
    }

    public int status() {
        return status;
    }

    /** Seconds for the Retry-After header of a 429; 0 for other statuses. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
