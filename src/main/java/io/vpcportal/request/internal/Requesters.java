package io.vpcportal.request.internal;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.platform.ForbiddenException;

/** Who may act on requests and see them: one rule for the pages, the API and every facade. */
public final class Requesters {

    private Requesters() {
    }

    /**
     * Creating, revising, submitting, changing, decommissioning and asking to adopt need the REQUESTER role (or
     * ADMIN), checked before anything about the request is read or validated: team membership alone is not enough.
     */
    public static void require(PortalPrincipal p) {
        if (!p.hasRole(Role.REQUESTER) && !p.hasRole(Role.ADMIN)) {
            throw new ForbiddenException(
                    "Creating, changing, submitting or decommissioning requests needs the REQUESTER role");
        }
    }

    public static boolean isAdminOrApprover(PortalPrincipal p) {
        return p.hasRole(Role.ADMIN) || p.hasRole(Role.APPROVER);
    }

    /** Admins and approvers see every request; others see their teams' requests and their own. */
    public static boolean canSee(PortalPrincipal p, EndpointRequest r) {
        return isAdminOrApprover(p) || p.isMemberOf(r.team()) || r.requester().equals(p.id());
    }
}
