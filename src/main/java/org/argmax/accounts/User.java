package org.argmax.accounts;

import java.time.OffsetDateTime;

/** An account. The password hash never leaves {@link UserRepository}. */
public record User(long id, String username, String displayName, Role role, OffsetDateTime createdAt) {
    public boolean isInstructor() {
        return role == Role.INSTRUCTOR;
    }
}
