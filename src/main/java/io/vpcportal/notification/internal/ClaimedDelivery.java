package io.vpcportal.notification.internal;

/** A delivery reserved for this instance's next attempt, with what it takes to send it. */
record ClaimedDelivery(long id, String eventType, String payload, String url, String secret) {
}
