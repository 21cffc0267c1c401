package io.vpcportal.identity;

import java.util.Map;

/**
 * An admin (or the portal itself at start-up) created a user or team, changed a user's name, roles, teams or
 * whether they may sign in, or set their password. Published inside the change's transaction; never carries a
 * password or its hash.
 *
 * @param by      who did it ({@code portal} for the first administrator and the demo data)
 * @param subject the username, or the team key for {@link Change#TEAM_CREATED}
 * @param before  the user's name, roles, teams and enabled flag before the change ({@code null} when created)
 * @param after   the same after it ({@code null} for a password)
 */
public record UserAdministered(String by, Change change, String subject, Map<String, Object> before,
        Map<String, Object> after) {

    public enum Change {
        USER_CREATED, USER_CHANGED, PASSWORD_SET, TEAM_CREATED
    }
}
