package io.vpcportal.organization;

import java.util.List;

/**
 * One account in a discovery answer.
 *
 * @param changes what changed, one line each ("name: old -> new", "teams: [] -> [payments]"); empty when unchanged
 */
public record AccountFound(String accountId, String name, List<String> changes) {

    public AccountFound {
        changes = List.copyOf(changes);
    }
}
