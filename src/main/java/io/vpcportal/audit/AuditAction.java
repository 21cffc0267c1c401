package io.vpcportal.audit;

/** What an audit row records. The subject type says what kind of thing it happened to. */
public enum AuditAction {
    /** A request was created as a draft (its first transition, from nothing to DRAFT). */
    REQUEST_CREATED,
    /** A request moved from one status to another; exactly one row per move. */
    REQUEST_STATUS_CHANGED,
    /** The requester edited a draft or a request sent back for changes. */
    REQUEST_REVISED,
    /**
     * A change to an endpoint of an active request was asked for (subject: the request changed; the change
     * request's own moves, its approval among them, are {@link #REQUEST_STATUS_CHANGED} rows of the change).
     */
    REQUEST_CHANGE_REQUESTED,
    /** An approved change reached AWS and the request changed took the endpoint's new state. */
    REQUEST_CHANGE_APPLIED,
    /** A stage of a request's approval became active and waits for its team. */
    APPROVAL_REQUESTED,
    /** An approver approved, rejected or asked for changes on a stage. */
    APPROVAL_DECISION_RECORDED,
    COMMENT_ADDED,
    APPROVAL_RULE_CREATED,
    APPROVAL_RULE_CHANGED,
    TEMPLATE_VERSION_CREATED,
    ACCOUNT_REGISTERED,
    ACCOUNT_CHANGED,
    API_TOKEN_CREATED,
    API_TOKEN_REVOKED,
    /** Someone failed to sign in (login form or HTTP Basic). */
    LOGIN_FAILED,
    /** An admin made an endpoint the portal had not created an ACTIVE request (the request's creation is a row too). */
    ENDPOINT_ADOPTED,
    /** An admin recorded a managed endpoint's actual state (drifted from the approved one) as its approved state. */
    DRIFT_ACCEPTED,
    /**
     * Someone asked for a drifted endpoint's approved state to be pushed back to AWS: a change request carries it
     * through approval and provisioning (its own rows follow).
     */
    DRIFT_RECONCILE_REQUESTED,
    /** A member of the owning team asked to adopt an endpoint the portal had not created (a request for approval). */
    ENDPOINT_ADOPTION_REQUESTED,
    /** An admin cancelled a sync run or traffic collection: its pending units were dropped. */
    SYNC_RUN_CANCELLED,
    /** An admin saved the AWS Organizations source (external ids masked). */
    ORGANIZATION_SOURCE_CHANGED,
    /** A discovery run (not a dry run) ended: its counts or its error; each account it changed has its own row. */
    ORGANIZATION_DISCOVERY_RUN,
    /** An admin (or the portal at start-up) created a user: name, roles, teams, enabled; never a password. */
    USER_CREATED,
    /** An admin changed a user's name, roles, teams or whether they may sign in (states before and after). */
    USER_CHANGED,
    /** An admin set a user's password (the password is never recorded); their sessions ended. */
    USER_PASSWORD_SET,
    /** A team was created. */
    TEAM_CREATED
}
