package io.vpcportal.policy;

import java.util.List;
import java.util.Map;

/**
 * What a preview needs beyond the form fields. All optional.
 *
 * @param vpcId                  the request's VPC (needed for {@link BucketRestriction#SOURCE_VPC})
 * @param endpointIds            the endpoints bucket policies must accept; before provisioning they are not
 *                               known and the placeholder {@value #PENDING_ENDPOINT_ID} stands in
 * @param bucketRestriction      default {@link BucketRestriction#SOURCE_VPCE}
 * @param enforcement            default {@link EnforcementMode#ENFORCE}
 * @param currentEndpointPolicy  the endpoint policy in force (day-2 changes), to diff against
 * @param currentBucketPolicies  bucket name to the bucket policy in force: merged into, and diffed against
 * @param expectedAccesses       accesses the requester lists; contradicted expectations become findings
 */
public record PreviewOptions(String vpcId, List<String> endpointIds, BucketRestriction bucketRestriction,
        EnforcementMode enforcement, String currentEndpointPolicy, Map<String, String> currentBucketPolicies,
        List<AccessCheck> expectedAccesses) {

    /** Stands for the endpoint id until provisioning knows it. */
    public static final String PENDING_ENDPOINT_ID = "vpce-pending";

    public static final PreviewOptions DEFAULTS = new PreviewOptions(null, null, null, null, null, null, null);

    public PreviewOptions {
        endpointIds = endpointIds == null ? List.of() : endpointIds;
        bucketRestriction = bucketRestriction == null ? BucketRestriction.SOURCE_VPCE : bucketRestriction;
        enforcement = enforcement == null ? EnforcementMode.ENFORCE : enforcement;
        currentBucketPolicies = currentBucketPolicies == null ? Map.of() : currentBucketPolicies;
        expectedAccesses = expectedAccesses == null ? List.of() : expectedAccesses;
    }
}
