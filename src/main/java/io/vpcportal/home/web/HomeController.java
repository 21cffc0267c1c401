package io.vpcportal.home.web;

import io.vpcportal.approval.ApprovalManagement;
import io.vpcportal.approval.PendingDecisions;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.inventory.InventorySync;
import io.vpcportal.platform.DeliveryHealth;
import io.vpcportal.platform.web.PageController;
import io.vpcportal.provisioning.FailedJobs;
import io.vpcportal.request.RequestFilter;
import io.vpcportal.request.RequestQueries;
import java.time.Clock;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page shows each user their work first: an approver what waits for their decision (count, oldest wait,
 * how many passed the SLA), an admin the health of the inventory sync, provisioning and webhook deliveries, a
 * requester the quick starts and their latest requests. A user with several roles sees each part.
 */
@PageController
class HomeController {

    static final int LISTED = 5;

    private final RequestQueries requests;
    private final ApprovalManagement approvals;
    private final PendingDecisions pending;
    private final InventorySync sync;
    private final FailedJobs failedJobs;
    private final DeliveryHealth deliveries;
    private final Clock clock;

    HomeController(RequestQueries requests, ApprovalManagement approvals, PendingDecisions pending,
            InventorySync sync, FailedJobs failedJobs, DeliveryHealth deliveries, Clock clock) {
        this.requests = requests;
        this.approvals = approvals;
        this.pending = pending;
        this.sync = sync;
        this.failedJobs = failedJobs;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal PortalPrincipal me, Model model) {
        boolean asks = me.hasRole(Role.REQUESTER) || me.hasRole(Role.ADMIN);
        model.addAttribute("asks", asks);
        if (asks) {
            model.addAttribute("recent", requests.list(me, new RequestFilter(null, null, null, true), null, LISTED)
                    .items());
        }
        if (me.hasRole(Role.APPROVER)) {
            PendingDecisions.Summary waiting = pending.of(me);
            model.addAttribute("waiting", waiting);
            model.addAttribute("waitingFirst", waiting.waiting() == 0 ? List.of()
                    : approvals.inbox(me).stream().limit(LISTED).toList());
        }
        if (me.hasRole(Role.ADMIN)) {
            model.addAttribute("syncEnabled", sync.enabled());
            sync.runs(1).stream().findFirst().ifPresent(run -> {
                model.addAttribute("lastRun", run);
                model.addAttribute("lastRunAge", SyncAge.of(run, clock.instant()));
            });
            model.addAttribute("failedJobs", failedJobs.latest(LISTED));
            model.addAttribute("deliveries", deliveries.summary());
        }
        return "home";
    }
}
