/**
 * Outgoing webhooks: admins register receivers for request events (submitted, approval needed, approved,
 * rejected, changes requested, provisioned, failed); each event becomes one delivery per subscribed webhook,
 * written in the transaction of the change (an outbox), then POSTed as JSON signed with HMAC-SHA256 and
 * retried with exponential backoff, with a delivery log admins can read and retry from.
 */
package io.vpcportal.notification;
