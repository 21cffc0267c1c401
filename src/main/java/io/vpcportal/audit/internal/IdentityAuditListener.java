package io.vpcportal.audit.internal;

import static io.vpcportal.audit.AuditAction.API_TOKEN_CREATED;
import static io.vpcportal.audit.AuditAction.API_TOKEN_REVOKED;
import static io.vpcportal.audit.AuditAction.LOGIN_FAILED;
import static io.vpcportal.audit.AuditSubjectType.API_TOKEN;
import static io.vpcportal.audit.AuditSubjectType.USER;

import io.vpcportal.identity.ApiTokenCreated;
import io.vpcportal.audit.AuditAction;
import io.vpcportal.audit.AuditSubjectType;
import io.vpcportal.identity.ApiTokenRevoked;
import io.vpcportal.identity.UserAdministered;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * User administration (never a password), API tokens (never the token itself) and failed sign-ins. A failed sign-in changes nothing and so has no
 * transaction of its own: its row is written in a new one.
 */
@Component
class IdentityAuditListener {

    private final AuditWriter audit;
    private final Clock clock;
    private final TransactionTemplate newTransaction;

    IdentityAuditListener(AuditWriter audit, Clock clock, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void on(ApiTokenCreated event) {
        audit.write(clock.instant(), event.username(), API_TOKEN_CREATED, API_TOKEN, event.tokenId().toString(), null,
                AuditWriter.fields("name", event.name(), "expiresAt", event.expiresAt()), null);
    }

    /** User administration, in the change's own transaction: the row commits or rolls back with it. */
    @EventListener
    void on(UserAdministered event) {
        AuditAction action = switch (event.change()) {
            case USER_CREATED -> AuditAction.USER_CREATED;
            case USER_CHANGED -> AuditAction.USER_CHANGED;
            case PASSWORD_SET -> AuditAction.USER_PASSWORD_SET;
            case TEAM_CREATED -> AuditAction.TEAM_CREATED;
        };
        AuditSubjectType subject = event.change() == UserAdministered.Change.TEAM_CREATED ? AuditSubjectType.TEAM : USER;
        audit.write(clock.instant(), event.by(), action, subject, event.subject(), event.before(), event.after(), null);
    }

    @EventListener
    void on(ApiTokenRevoked event) {
        audit.write(clock.instant(), event.username(), API_TOKEN_REVOKED, API_TOKEN, event.tokenId().toString(),
                null, null, null);
    }

    /** Only the name that was tried is kept, never the credentials that came with it. */
    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        String reason = event.getException().getClass().getSimpleName();
        Map<String, Object> after = AuditWriter.fields("reason", reason);
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails web) {
            after.put("remoteAddress", web.getRemoteAddress());
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            after.put("request", request.getMethod() + " " + request.getRequestURI());
        }
        newTransaction.executeWithoutResult(status -> audit.write(clock.instant(), username, LOGIN_FAILED, USER,
                username == null || username.isBlank() ? "(none)" : username, null, after,
                "Sign-in failed: " + reason));
    }
}
