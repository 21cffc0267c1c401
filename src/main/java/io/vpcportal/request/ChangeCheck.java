package io.vpcportal.request;

import java.util.List;

/**
 * Checks a change against what really exists before it is stored, for facts the request module cannot know
 * (which VPC a subnet belongs to, its Availability Zone). Implemented by the provisioning module; a problem is
 * refused as unprocessable (HTTP 422). Without AWS access an implementation returns nothing, and the same
 * checks run again in the preflight before anything is modified.
 */
public interface ChangeCheck {

    /** Problems with {@code changed}, the new state of item {@code position} of {@code original}; empty when none. */
    List<String> problems(RequestDetails original, int position, RequestDetails.ItemDetails changed);
}
