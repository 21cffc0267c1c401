package io.vpcportal.provisioning.aws;

import io.vpcportal.aws.AwsCallFailed;
import io.vpcportal.aws.AwsCallLog;
import io.vpcportal.aws.AwsClients;
import io.vpcportal.aws.AwsTarget;
import io.vpcportal.aws.LoggedAwsCalls;
import io.vpcportal.provisioning.BucketPolicyGateway;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3Client;

/** {@link BucketPolicyGateway} over the S3 API, with the account's assumed role, rate-limited and logged. */
@Component
class S3BucketPolicyGateway implements BucketPolicyGateway {

    private final AwsClients clients;
    private final LoggedAwsCalls calls;

    S3BucketPolicyGateway(AwsClients clients, AwsCallLog log) {
        this.clients = clients;
        this.calls = new LoggedAwsCalls(log).withSdkMessages().mappingOnlyAnswersAndClientErrors();
    }

    @Override
    public Optional<String> read(AwsTarget target, String bucket) {
        try {
            return Optional.of(calls.call(target, "GetBucketPolicy", bucket, () -> s3(target)
                    .getBucketPolicy(r -> r.overrideConfiguration(as(target)).bucket(bucket)
                            .expectedBucketOwner(target.accountId())).policy()));
        } catch (AwsCallFailed e) {
            if ("NoSuchBucketPolicy".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void write(AwsTarget target, String bucket, String policy, String expectedOwner) {
        calls.call(target, "PutBucketPolicy", bucket, () -> s3(target).putBucketPolicy(r -> r
                .overrideConfiguration(as(target)).bucket(bucket).policy(policy).expectedBucketOwner(expectedOwner)));
    }

    @Override
    public void delete(AwsTarget target, String bucket, String expectedOwner) {
        calls.call(target, "DeleteBucketPolicy", bucket, () -> s3(target).deleteBucketPolicy(r -> r
                .overrideConfiguration(as(target)).bucket(bucket).expectedBucketOwner(expectedOwner)));
    }

    private S3Client s3(AwsTarget target) {
        return clients.s3(target);
    }

    private AwsRequestOverrideConfiguration as(AwsTarget target) {
        return clients.as(target);
    }
}
