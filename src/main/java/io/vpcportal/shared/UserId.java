package io.vpcportal.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * A portal user's id. Serializable: the signed-in user's principal holds it, and browser sessions are
 * stored in the database.
 */
public record UserId(UUID value) implements Serializable {

    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
