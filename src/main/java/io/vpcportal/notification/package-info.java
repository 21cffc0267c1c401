/**
 * Notifications where people are. Outgoing webhooks: admins register receivers for request events (submitted,
 * approval needed, approved, rejected, changes requested, provisioned, failed); each event becomes one delivery per
 * subscribed webhook, written in the transaction of the change (an outbox), then POSTed signed with HMAC-SHA256 in
 * the webhook's format (the portal's JSON, or a Slack or Microsoft Teams message) and retried with exponential
 * backoff, with a delivery log admins can read and retry from. E-mail: the same outbox for mails over SMTP to the
 * approvers of the stage's team (when a decision waits, and once more when it passes its SLA) and to the requester
 * (decided, provisioned, failed); each user can turn each kind off on their own page.
 */
package io.vpcportal.notification;
