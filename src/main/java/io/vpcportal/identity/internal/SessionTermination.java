package io.vpcportal.identity.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends every browser session of a user, on every instance (the sessions live in the database): when an admin
 * disables them or sets a new password. Inside a transaction it waits for the commit, so that a change that is
 * rolled back ends nobody's session; the per-request check of {@link SessionPrincipalRefreshFilter} covers the
 * moment in between.
 */
@Component
public class SessionTermination {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionTermination(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Deletes the sessions whose principal is {@code username}, now or when the current transaction commits. */
    public void endSessionsOf(String username) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteSessionsOf(username);
                }
            });
        } else {
            deleteSessionsOf(username);
        }
    }

    private void deleteSessionsOf(String username) {
        sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
    }
}
