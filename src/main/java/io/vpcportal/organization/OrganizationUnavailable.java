package io.vpcportal.organization;

/** The discovery role could not be assumed or may not list the organization; the message says what to fix. */
public class OrganizationUnavailable extends RuntimeException {

    public OrganizationUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
