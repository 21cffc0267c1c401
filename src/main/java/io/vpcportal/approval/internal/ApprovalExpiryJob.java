package io.vpcportal.approval.internal;

import io.vpcportal.approval.ApprovalManagement;
import io.vpcportal.platform.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires requests nobody decided on in time. Another instance doing the same at once only loses a race. */
@Component
class ApprovalExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ApprovalExpiryJob.class);

    private final ApprovalManagement approvals;

    ApprovalExpiryJob(ApprovalManagement approvals) {
        this.approvals = approvals;
    }

    @Scheduled(fixedDelayString = "${portal.approval.expiry-check-interval:PT15M}", initialDelayString = "PT1M")
    void expire() {
        try {
            int expired = approvals.expireOverdue();
            if (expired > 0) {
                log.info("Expired {} request(s) that waited too long for a decision", expired);
            }
        } catch (ObjectOptimisticLockingFailureException | ConflictException e) {
            log.debug("Another instance expired the same requests", e);
        }
    }
}
