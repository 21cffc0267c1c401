package io.vpcportal.shared;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * A team's stable key, such as {@code payments}: lowercase letters, digits and dashes. Serializable: the
 * signed-in user's principal holds it, and browser sessions are stored in the database.
 */
public record TeamId(String value) implements Serializable {

    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public TeamId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A team key is 2 to 40 lowercase letters, digits or dashes");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
