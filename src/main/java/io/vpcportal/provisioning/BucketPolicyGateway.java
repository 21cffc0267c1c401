package io.vpcportal.provisioning;

import io.vpcportal.aws.AwsCallFailed;
import io.vpcportal.aws.AwsTarget;
import java.util.Optional;

/** Bucket policies through the S3 API. Implemented in {@code aws}; failures are {@link AwsCallFailed}. */
public interface BucketPolicyGateway {

    /** The policy in force, or empty when the bucket has none. */
    Optional<String> read(AwsTarget target, String bucket);

    /** Replaces the whole policy; refused by S3 unless {@code expectedOwner} owns the bucket. */
    void write(AwsTarget target, String bucket, String policy, String expectedOwner);

    /** Deletes the whole policy (when the portal's statements were all it held); refused unless the owner matches. */
    default void delete(AwsTarget target, String bucket, String expectedOwner) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not delete bucket policies");
    }
}
