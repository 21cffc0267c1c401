package io.vpcportal.provisioning;

import io.vpcportal.aws.AwsCallFailed;
import io.vpcportal.aws.AwsTarget;
import io.vpcportal.provisioning.ProvisioningDetails.PlannedCall;
import io.vpcportal.request.RequestDetails;
import java.util.List;
import java.util.Map;

/**
 * Steps another module adds to the provisioning of the requests it owns a part of (a shared endpoint's private
 * hosted zones and their associations), so that the durable job, plan mode, preflight and resume stay provisioning's:
 * the steps' calls are listed in the plan after the endpoint's; their checks run before anything is created; they run
 * once every endpoint of the request is usable; they are undone before a decommission deletes the endpoints.
 * Every step must be safe to run again: a retry runs them from the start after the endpoints are found by their tags.
 * Failures are {@link AwsCallFailed} (retried when retryable, like the endpoint's own calls).
 */
public interface ProvisioningSteps {

    /** Does this module add steps to {@code request}? */
    boolean handles(RequestDetails request);

    /** The calls of {@link #preflight}, numbered from {@code firstSeq}. */
    List<PlannedCall> preflightPlan(RequestDetails request, int firstSeq);

    /** The calls the steps make after the endpoints exist, numbered from {@code firstSeq}. */
    List<PlannedCall> plan(RequestDetails request, int firstSeq);

    /** What stops the request before anything is created, in words a requester can act on; empty when nothing does. */
    List<String> preflight(RequestDetails request, AwsTarget target);

    /** Runs the steps; {@code endpointIds}: item position to the endpoint provisioning created (usable). */
    void apply(RequestDetails request, AwsTarget target, Map<Integer, String> endpointIds);

    /** The calls {@link #undo} makes, numbered from {@code firstSeq}. */
    List<PlannedCall> undoPlan(RequestDetails request, int firstSeq);

    /** Removes what {@link #apply} made (before the endpoints are deleted); what is already gone counts as removed. */
    void undo(RequestDetails request, AwsTarget target);
}
