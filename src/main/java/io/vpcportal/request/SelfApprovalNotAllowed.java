package io.vpcportal.request;

import io.vpcportal.platform.ForbiddenException;

/** Separation of duties: nobody decides on their own request, administrators included. */
public class SelfApprovalNotAllowed extends ForbiddenException {

    public SelfApprovalNotAllowed(EndpointRequestId id) {
        super("You cannot decide on your own request " + id);
    }
}
