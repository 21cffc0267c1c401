package io.vpcportal.identity;

import io.vpcportal.shared.UserId;

/** Where to reach a user: their e-mail address, {@code null} when they have none. */
public record Contact(UserId id, String username, String displayName, String email) {

    public boolean reachable() {
        return email != null && !email.isBlank();
    }
}
