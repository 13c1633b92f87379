package org.argmax.http;

/** The page needs a signed-in user: pages redirect to the sign-in form, JSON answers 401. */
public class SignInRequired extends RuntimeException {
    private final String returnPath;

    public SignInRequired(String returnPath) {
        super("Sign in to get your own data, submit answers and keep your progress.");
        this.returnPath = returnPath;
    }

    public String returnPath() {
        return returnPath;
    }
}
