package io.vpcportal.identity;

/** What a user may do in the portal, independent of team. */
public enum Role {
    /** Asks for endpoints on behalf of their teams. */
    REQUESTER,
    /** Reviews requests routed to their teams. */
    APPROVER,
    /** Manages the catalog, accounts, rules and users. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
