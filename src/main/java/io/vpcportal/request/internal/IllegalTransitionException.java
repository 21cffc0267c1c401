package io.vpcportal.request.internal;

import io.vpcportal.platform.ConflictException;
import io.vpcportal.request.RequestStatus;

/** A lifecycle move the request's current status does not allow. */
public class IllegalTransitionException extends ConflictException {

    public IllegalTransitionException(RequestStatus from, RequestStatus to) {
        super("A " + from + " request cannot become " + to
                + (from.isTerminal() ? " (" + from + " is final)" : "; it can become " + from.next()));
    }
}
