package io.vpcportal.aws;

import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The adapters' one way to make a logged AWS call: it times the call, records one row in the {@link AwsCallLog}
 * (outcome {@code OK}, {@code THROTTLED} or {@code ERROR}, with the error code and message) and turns the SDK's
 * exceptions into {@link AwsCallFailed}:
 * <ul>
 * <li>an error answer from AWS keeps its error code; it is {@code THROTTLED} when the SDK counts it as throttling
 * (HTTP 429 and the SDK's throttling codes, among them EC2's {@code RequestLimitExceeded}, S3's {@code SlowDown} and
 * Route 53's {@code Throttling}) or its code is one of {@link #alsoThrottledOn(String...)}; throttled and 5xx answers
 * are retryable, the others are not;</li>
 * <li>no answer (a lost connection, a timeout, a client-side check) is {@code ClientError}, retryable;</li>
 * <li>any other SDK exception is {@code SdkError}, retryable when the SDK says so.</li>
 * </ul>
 * An adapter keeps one instance, made once with its log: {@code new LoggedAwsCalls(log)}. Two options keep what
 * the S3 bucket-policy adapter has always done (its rows and messages are stored with requests):
 * {@link #withSdkMessages()} and {@link #mappingOnlyAnswersAndClientErrors()}.
 */
public final class LoggedAwsCalls {

    private final AwsCallLog log;
    private final Set<String> throttlingCodes;
    private final boolean sdkMessages;
    private final boolean mapsOtherSdkErrors;

    public LoggedAwsCalls(AwsCallLog log) {
        this(log, Set.of(), false, true);
    }

    private LoggedAwsCalls(AwsCallLog log, Set<String> throttlingCodes, boolean sdkMessages,
            boolean mapsOtherSdkErrors) {
        this.log = log;
        this.throttlingCodes = throttlingCodes;
        this.sdkMessages = sdkMessages;
        this.mapsOtherSdkErrors = mapsOtherSdkErrors;
    }

    /**
     * Also counts these error codes as throttling (retryable, logged {@code THROTTLED}): for codes the SDK does not
     * count, such as Route 53's {@code PriorRequestNotComplete} (a change still running in the zone).
     */
    public LoggedAwsCalls alsoThrottledOn(String... codes) {
        return new LoggedAwsCalls(log, Set.of(codes), sdkMessages, mapsOtherSdkErrors);
    }

    /**
     * The message of an error answer is the SDK exception's own (AWS's message followed by the service, status code
     * and request id) instead of AWS's message alone.
     */
    public LoggedAwsCalls withSdkMessages() {
        return new LoggedAwsCalls(log, throttlingCodes, true, mapsOtherSdkErrors);
    }

    /**
     * Only error answers and client errors become {@link AwsCallFailed}; any other SDK exception is neither logged
     * nor mapped, and reaches the caller as it is.
     */
    public LoggedAwsCalls mappingOnlyAnswersAndClientErrors() {
        return new LoggedAwsCalls(log, throttlingCodes, sdkMessages, false);
    }

    /**
     * Runs {@code call} and logs it for the target's request (or task), account and region.
     *
     * @param action the AWS action ({@code DescribeVpcEndpoints}): logged, and named by {@link AwsCallFailed}
     * @param what   what the call is about (an id, a bucket, a zone and a VPC): logged as the row's target
     * @throws AwsCallFailed when the SDK throws
     */
    public <T> T call(AwsTarget target, String action, String what, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            T result = call.get();
            record(target, action, what, "OK", start, null, null);
            return result;
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            boolean throttled = e.isThrottlingException() || code != null && throttlingCodes.contains(code);
            String message = sdkMessages || e.awsErrorDetails() == null ? e.getMessage()
                    : e.awsErrorDetails().errorMessage();
            record(target, action, what, throttled ? "THROTTLED" : "ERROR", start, code, message);
            throw new AwsCallFailed(action, code, message, throttled || e.statusCode() >= 500, e);
        } catch (SdkClientException e) {
            record(target, action, what, "ERROR", start, "ClientError", e.getMessage());
            throw new AwsCallFailed(action, "ClientError", e.getMessage(), true, e);
        } catch (SdkException e) {
            if (!mapsOtherSdkErrors) {
                throw e;
            }
            record(target, action, what, "ERROR", start, "SdkError", e.getMessage());
            throw new AwsCallFailed(action, "SdkError", e.getMessage(), e.retryable(), e);
        }
    }

    private void record(AwsTarget target, String action, String what, String outcome, long start, String code,
            String message) {
        log.record(target.requestId(), target.accountId(), target.region(), action, what, outcome,
                (System.nanoTime() - start) / 1_000_000, code, message);
    }
}
