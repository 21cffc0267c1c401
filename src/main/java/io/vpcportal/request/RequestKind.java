package io.vpcportal.request;

/** A request for new endpoints, or a change to one endpoint of an active request. */
public enum RequestKind {
    NEW, CHANGE
}
