package io.vpcportal.audit;

/** The kinds of things audit rows are about; the subject id is that thing's own key. */
public enum AuditSubjectType {
    REQUEST, APPROVAL_RULE, TEMPLATE, ACCOUNT, API_TOKEN, USER, ENDPOINT, SYNC_RUN, ORGANIZATION, TEAM
}
