package io.vpcportal.notification;

/** Where one delivery of one event to one webhook stands. */
public enum DeliveryStatus {
    /** Not tried yet. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** The last attempt failed; another one is due at {@code nextAttemptAt}. */
    FAILED,
    /** Every attempt failed; only an admin's "retry now" sends it again. */
    GIVING_UP;

    public boolean retryable() {
        return this == FAILED || this == GIVING_UP;
    }
}
