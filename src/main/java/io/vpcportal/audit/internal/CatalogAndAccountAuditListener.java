package io.vpcportal.audit.internal;

import static io.vpcportal.audit.AuditAction.ACCOUNT_CHANGED;
import static io.vpcportal.audit.AuditAction.ACCOUNT_REGISTERED;
import static io.vpcportal.audit.AuditAction.TEMPLATE_VERSION_CREATED;
import static io.vpcportal.audit.AuditSubjectType.ACCOUNT;
import static io.vpcportal.audit.AuditSubjectType.TEMPLATE;

import io.vpcportal.account.AccountChanged;
import io.vpcportal.account.AccountDetails;
import io.vpcportal.catalog.TemplateVersionCreated;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Template versions and account edits, with both versions of the thing edited. */
@Component
class CatalogAndAccountAuditListener {

    private final AuditWriter audit;
    private final Clock clock;

    CatalogAndAccountAuditListener(AuditWriter audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(TemplateVersionCreated event) {
        audit.write(clock.instant(), event.by(), TEMPLATE_VERSION_CREATED, TEMPLATE, event.key(), event.before(),
                event.after(), "Version " + event.version());
    }

    @EventListener
    void on(AccountChanged event) {
        audit.write(clock.instant(), event.by(), event.before() == null ? ACCOUNT_REGISTERED : ACCOUNT_CHANGED,
                ACCOUNT, event.accountId(), masked(event.before()), masked(event.after()), null);
    }

    /** The external id guards the account's role: the trail keeps only enough of it to see that it changed. */
    static AccountDetails masked(AccountDetails a) {
        return a == null ? null : a.withExternalId(mask(a.externalId()));
    }

    /** {@code ****} and the last four characters; values of eight characters or less keep none of them. */
    static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        return secret.length() > 8 ? "****" + secret.substring(secret.length() - 4) : "****";
    }
}
