package io.vpcportal.organization.internal;

import java.util.List;
import java.util.Map;

/**
 * AWS Organizations as discovery reads it, through the discovery role. Every method may throw
 * {@link io.vpcportal.organization.OrganizationUnavailable} when the role cannot be assumed or may not list.
 */
public interface OrganizationDirectory {

    /** The credentials to read the organization with: the discovery role and its external id. */
    record Access(String roleArn, String externalId) {
    }

    /** An account as listed under a parent; {@code status} is ACTIVE, SUSPENDED or PENDING_CLOSURE, {@code state} may add CLOSED. */
    record Member(String id, String name, String status, String state) {

        public boolean active() {
            return "ACTIVE".equals(status) && (state == null || state.isBlank() || "ACTIVE".equals(state));
        }

        public String statusText() {
            return state != null && !state.isBlank() && !state.equals(status) ? state : status;
        }
    }

    List<String> roots(Access access);

    List<String> childOus(Access access, String parentId);

    List<Member> accounts(Access access, String parentId);

    Map<String, String> tags(Access access, String accountId);
}
