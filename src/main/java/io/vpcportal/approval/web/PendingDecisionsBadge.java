package io.vpcportal.approval.web;

import io.vpcportal.approval.PendingDecisions;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.platform.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The count beside the Approvals menu item: decisions the signed-in approver may take now. Only full pages carry
 * the menu, so fragments fetched by htmx and posts (which redirect) skip the query.
 */
@ControllerAdvice(annotations = PageController.class)
class PendingDecisionsBadge {

    /** absent in web slices that start only a controller (then no badge) */
    private final ObjectProvider<PendingDecisions> pending;

    PendingDecisionsBadge(ObjectProvider<PendingDecisions> pending) {
        this.pending = pending;
    }

    @ModelAttribute("pendingDecisions")
    Long pendingDecisions(@AuthenticationPrincipal PortalPrincipal me, HttpServletRequest request) {
        if (me == null || !me.hasRole(Role.APPROVER) || !"GET".equals(request.getMethod())
                || request.getHeader("HX-Request") != null) {
            return null;
        }
        PendingDecisions decisions = pending.getIfAvailable();
        return decisions == null ? null : decisions.of(me).waiting();
    }
}
