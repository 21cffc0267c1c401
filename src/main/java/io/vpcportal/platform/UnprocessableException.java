package io.vpcportal.platform;

/** Well-formed input that cannot be processed as sent (HTTP 422), such as a reused Idempotency-Key. */
public class UnprocessableException extends RuntimeException {

    public UnprocessableException(String message) {
        super(message);
    }
}
