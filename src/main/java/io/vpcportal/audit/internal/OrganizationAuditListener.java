package io.vpcportal.audit.internal;

import static io.vpcportal.audit.AuditAction.ORGANIZATION_DISCOVERY_RUN;
import static io.vpcportal.audit.AuditAction.ORGANIZATION_SOURCE_CHANGED;
import static io.vpcportal.audit.AuditSubjectType.ORGANIZATION;

import io.vpcportal.organization.DiscoveryReport;
import io.vpcportal.organization.DiscoveryRunFinished;
import io.vpcportal.organization.OrganizationSource;
import io.vpcportal.organization.OrganizationSourceChanged;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The organization source's edits and the discovery runs that wrote (dry runs change nothing and are not audited). */
@Component
class OrganizationAuditListener {

    private final AuditWriter audit;
    private final Clock clock;

    OrganizationAuditListener(AuditWriter audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(OrganizationSourceChanged event) {
        audit.write(clock.instant(), event.by(), ORGANIZATION_SOURCE_CHANGED, ORGANIZATION, "source",
                masked(event.before()), masked(event.after()), null);
    }

    @EventListener
    void on(DiscoveryRunFinished event) {
        DiscoveryReport r = event.report();
        if (r.dryRun()) {
            return;
        }
        audit.write(clock.instant(), event.by(), ORGANIZATION_DISCOVERY_RUN, ORGANIZATION, r.runId().toString(), null,
                AuditWriter.fields("listed", r.listed(), "added", r.added().size(), "updated", r.updated().size(),
                        "deactivated", r.deactivated().size(), "unchanged", r.unchanged().size(), "error", r.error()),
                r.error() == null ? null : "failed");
    }

    private static OrganizationSource masked(OrganizationSource s) {
        return s == null ? null : new OrganizationSource(s.roleArn(),
                CatalogAndAccountAuditListener.mask(s.externalId()), s.includeOus(), s.skipOus(), s.memberRolePattern(),
                s.regions(), s.environment(), s.teamTagKey(), s.ouTeams(), s.updatedAt(), s.updatedBy());
    }
}
