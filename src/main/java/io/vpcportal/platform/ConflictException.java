package io.vpcportal.platform;

/** The action does not fit the current state of the thing it acts on (HTTP 409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
