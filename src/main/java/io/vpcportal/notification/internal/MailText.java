package io.vpcportal.notification.internal;

/** A mail's subject and plain-text body. */
record MailText(String subject, String body) {
}
