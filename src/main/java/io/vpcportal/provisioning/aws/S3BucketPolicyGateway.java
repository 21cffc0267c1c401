package io.vpcportal.provisioning.aws;

import io.vpcportal.aws.AwsCallFailed;
import io.vpcportal.aws.AwsCallLog;
import io.vpcportal.aws.AwsClients;
import io.vpcportal.aws.AwsTarget;
import io.vpcportal.provisioning.BucketPolicyGateway;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;

/** {@link BucketPolicyGateway} over the S3 API, with the account's assumed role, rate-limited and logged. */
@Component
class S3BucketPolicyGateway implements BucketPolicyGateway {

    private final AwsClients clients;
    private final AwsCallLog log;

    S3BucketPolicyGateway(AwsClients clients, AwsCallLog log) {
        this.clients = clients;
        this.log = log;
    }

    @Override
    public Optional<String> read(AwsTarget target, String bucket) {
        try {
            return Optional.of(call(target, "GetBucketPolicy", bucket, () -> s3(target)
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
        call(target, "PutBucketPolicy", bucket, () -> s3(target).putBucketPolicy(r -> r.overrideConfiguration(as(target))
                .bucket(bucket).policy(policy).expectedBucketOwner(expectedOwner)));
    }

    @Override
    public void delete(AwsTarget target, String bucket, String expectedOwner) {
        call(target, "DeleteBucketPolicy", bucket, () -> s3(target).deleteBucketPolicy(r -> r
                .overrideConfiguration(as(target)).bucket(bucket).expectedBucketOwner(expectedOwner)));
    }

    private S3Client s3(AwsTarget target) {
        return clients.s3(target);
    }

    private AwsRequestOverrideConfiguration as(AwsTarget target) {
        return clients.as(target);
    }

    private <T> T call(AwsTarget target, String action, String bucket, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            T result = call.get();
            log.record(target.requestId(), target.accountId(), target.region(), action, bucket, "OK", millis(start), null, null);
            return result;
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            boolean throttled = e.isThrottlingException() || "SlowDown".equals(code);
            log.record(target.requestId(), target.accountId(), target.region(), action, bucket,
                    throttled ? "THROTTLED" : "ERROR", millis(start), code, e.getMessage());
            throw new AwsCallFailed(action, code, e.getMessage(), throttled || e.statusCode() >= 500, e);
        } catch (SdkClientException e) {
            log.record(target.requestId(), target.accountId(), target.region(), action, bucket, "ERROR", millis(start),
                    "ClientError", e.getMessage());
            throw new AwsCallFailed(action, "ClientError", e.getMessage(), true, e);
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
