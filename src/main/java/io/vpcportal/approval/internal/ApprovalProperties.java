package io.vpcportal.approval.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param expireAfterDays     a request waiting this long for a decision (or for the requester's changes) expires
 * @param slaHours            approvers should decide within this many hours; older requests are flagged overdue
 * @param fallbackTeam        approver team for an item that no enabled rule matches
 * @param expiryCheckInterval how often expired requests are looked for
 */
@ConfigurationProperties("portal.approval")
public record ApprovalProperties(Integer expireAfterDays, Integer slaHours, String fallbackTeam,
        Duration expiryCheckInterval) {

    public ApprovalProperties {
        expireAfterDays = expireAfterDays == null ? 14 : expireAfterDays;
        slaHours = slaHours == null ? 24 : slaHours;
        fallbackTeam = fallbackTeam == null || fallbackTeam.isBlank() ? "network" : fallbackTeam;
        expiryCheckInterval = expiryCheckInterval == null ? Duration.ofMinutes(15) : expiryCheckInterval;
    }
}
