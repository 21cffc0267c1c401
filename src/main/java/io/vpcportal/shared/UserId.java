package io.vpcportal.shared;

import java.util.Objects;
import java.util.UUID;

/** A portal user's id. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
