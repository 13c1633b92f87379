package org.argmax.accounts;

/** A sign-up or sign-in that cannot go ahead, with a message for the person at the form. */
public class AccountException extends RuntimeException {
    private final int status;

    public AccountException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
