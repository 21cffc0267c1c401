package io.vpcportal.notification;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of e-mail the portal sends; each user can turn each one off. */
public enum MailKind {
    /** To the approvers of the team whose stage became active. */
    APPROVAL_WAITING("approval.waiting", "A request waits for my team's decision"),
    /** To the same approvers, once, when the stage waits longer than the SLA ({@code portal.approval.sla-hours}). */
    SLA_REMINDER("approval.sla_reminder", "Reminder: a decision is past its SLA"),
    /** To the requester: approved, rejected or sent back for changes. */
    REQUEST_DECIDED("request.decided", "My request was decided"),
    /** To the requester: the endpoints exist. */
    REQUEST_PROVISIONED("request.provisioned", "My request was provisioned"),
    /** To the requester: provisioning failed. */
    REQUEST_FAILED("request.failed", "My request failed to provision");

    private final String key;
    private final String label;

    MailKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The kind's name in the API ({@code approval.waiting}). */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<MailKind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
