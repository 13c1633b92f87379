package org.argmax.http;

/**
 * Who is asking, as every page and handler needs it: the signed-in account's id, its names and
 * whether it may use the instructor pages. Resolved from the session by the accounts feature.
 */
public record Viewer(long id, String username, String displayName, boolean instructor) {
    public boolean isInstructor() {
        return instructor;
    }
}
