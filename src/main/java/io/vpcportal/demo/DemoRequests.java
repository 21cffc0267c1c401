package io.vpcportal.demo;

import io.vpcportal.approval.ApprovalManagement;
import io.vpcportal.approval.Decision;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.request.ItemDraft;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestDraft;
import io.vpcportal.request.RequestFilter;
import io.vpcportal.request.RequestDrafts;
import io.vpcportal.request.RequestQueries;
import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Work in flight on the first start, so every demo user's start page shows theirs: the demo requester has asked
 * for an STS interface endpoint in the standard VPC (waiting for the network team, net-approver) and for Datadog
 * metrics from the Datadog VPC (a partner service: the network team approved it, it waits for the security team,
 * sec-approver). Seeded through the request and approval services, as the users would have done it; once (skipped
 * when the requester has any request), after the demo inventory so the forms and diagrams find the VPCs.
 * {@code portal.demo.requests=false} leaves them out (the tests do: they count what they submit themselves).
 */
@Component
@Profile("demo")
@Order(30)
@ConditionalOnProperty(name = "portal.demo.requests", havingValue = "true", matchIfMissing = true)
class DemoRequests implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRequests.class);

    private final IdentityManagement identity;
    private final RequestQueries requests;
    private final RequestDrafts drafts;
    private final ApprovalManagement approvals;

    DemoRequests(IdentityManagement identity, RequestQueries requests, RequestDrafts drafts,
            ApprovalManagement approvals) {
        this.identity = identity;
        this.requests = requests;
        this.drafts = drafts;
        this.approvals = approvals;
    }

    @Override
    public void run(ApplicationArguments args) {
        PortalPrincipal requester = identity.loadPrincipal("requester").orElse(null);
        PortalPrincipal network = identity.loadPrincipal("net-approver").orElse(null);
        if (requester == null || network == null
                || !requests.list(requester, new RequestFilter(null, null, null, true), null, 1).items().isEmpty()) {
            return;
        }
        RequestDetails sts = submitted(requester, new RequestDraft("payments", DemoData.SANDBOX, "eu-west-1",
                DemoWorld.STANDARD, "STS without NAT for standard-web",
                "The web tier assumes roles on every deploy and rotation; those calls should not leave through NAT.",
                new BigDecimal("5"), DemoWorld.STANDARD_NAT, List.of(new ItemDraft("sts", null,
                        List.of(DemoWorld.id("subnet", "a13"), DemoWorld.id("subnet", "a14")),
                        List.of(DemoWorld.id("sg", "a41")), null, null, null, null, null, null, null))));
        RequestDetails metrics = submitted(requester, new RequestDraft("payments", DemoData.SANDBOX, "eu-west-3",
                DemoWorld.DATADOG, "Datadog metrics over PrivateLink",
                "Send the agents' metrics to Datadog's us-east-1 intake privately, like the logs already go.",
                new BigDecimal("150"), null, List.of(new ItemDraft("datadog-metrics", null,
                        List.of(DemoWorld.id("subnet", "c11"), DemoWorld.id("subnet", "c12")),
                        List.of(DemoWorld.id("sg", "c41")), null, null, null, null, "us-east-1", null, null))));
        approvals.decide(network, metrics.id(), Decision.APPROVE,
                "Network: the cross-region path to us-east-1 is fine; over to security for the partner service.");
        log.info("Demo requests seeded: {} waits for the network team, {} for the security team", sts.id(),
                metrics.id());
    }

    private RequestDetails submitted(PortalPrincipal requester, RequestDraft draft) {
        RequestDetails created = drafts.create(requester, draft, null).request();
        return drafts.submit(requester, created.id());
    }
}
