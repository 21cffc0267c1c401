package io.vpcportal.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** What the adapters' one logged call records and throws, for each kind of SDK failure and each option. */
class LoggedAwsCallsTests {

    record Row(UUID requestId, String accountId, String region, String action, String target, String outcome,
            String errorCode, String message) {
    }

    private static final AwsTarget TARGET = new AwsTarget("111122223333", "eu-west-1", null, null, UUID.randomUUID());

    private final List<Row> rows = new ArrayList<>();
    private final AwsCallLog log = (requestId, accountId, region, action, target, outcome, millis, code, message) -> {
        assertThat(millis).isNotNegative();
        rows.add(new Row(requestId, accountId, region, action, target, outcome, code, message));
    };
    private final LoggedAwsCalls calls = new LoggedAwsCalls(log);

    @Test
    void aCallThatAnswersIsLoggedOkForItsRequestAccountAndRegion() {
        assertThat(calls.call(TARGET, "DescribeVpcs", "vpc-1", () -> 42)).isEqualTo(42);

        assertThat(rows).containsExactly(new Row(TARGET.requestId(), "111122223333", "eu-west-1", "DescribeVpcs",
                "vpc-1", "OK", null, null));
    }

    @Test
    void anErrorAnswerKeepsItsCodeAndAwsMessageAndIsNotRetryable() {
        AwsCallFailed failed = failure(calls, "DescribeVpcEndpoints", () -> {
            throw answer(400, "InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id 'vpce-1' does not exist");
        });

        assertThat(failed.code()).isEqualTo("InvalidVpcEndpointId.NotFound");
        assertThat(failed.notFound()).isTrue();
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.getMessage()).isEqualTo("DescribeVpcEndpoints failed: InvalidVpcEndpointId.NotFound: "
                + "The Vpc Endpoint Id 'vpce-1' does not exist");
        assertThat(failed.getCause()).isInstanceOf(AwsServiceException.class);
        assertThat(rows).singleElement().isEqualTo(new Row(TARGET.requestId(), "111122223333", "eu-west-1",
                "DescribeVpcEndpoints", "what", "ERROR", "InvalidVpcEndpointId.NotFound",
                "The Vpc Endpoint Id 'vpce-1' does not exist"));
    }

    /** The codes the three adapters once listed by hand (EC2, S3, Route 53): the SDK counts them as throttling. */
    @ParameterizedTest
    @ValueSource(strings = {"RequestLimitExceeded", "SlowDown", "Throttling"})
    void theSdksThrottlingCodesAreThrottledAndRetryable(String code) {
        AwsCallFailed failed = failure(calls, "CreateVpcEndpoint", () -> {
            throw answer(400, code, "slow down");
        });

        assertThat(failed.retryable()).isTrue();
        assertThat(rows).singleElement().extracting(Row::outcome, Row::errorCode).containsExactly("THROTTLED", code);
    }

    @Test
    void priorRequestNotCompleteIsThrottledOnlyWhereTheAdapterSaysSo() {
        Supplier<Object> running = () -> {
            throw answer(400, "PriorRequestNotComplete", "The request was rejected because Route 53 was still "
                    + "processing a prior request.");
        };

        assertThat(failure(calls, "ChangeResourceRecordSets", running).retryable()).isFalse();
        assertThat(failure(calls.alsoThrottledOn("PriorRequestNotComplete"), "ChangeResourceRecordSets", running)
                .retryable()).isTrue();
        assertThat(rows).extracting(Row::outcome).containsExactly("ERROR", "THROTTLED");
    }

    @Test
    void aServerErrorIsRetryableButNotThrottled() {
        AwsCallFailed failed = failure(calls, "DescribeVpcs", () -> {
            throw answer(503, "Unavailable", "try again");
        });

        assertThat(failed.retryable()).isTrue();
        assertThat(rows).singleElement().extracting(Row::outcome).isEqualTo("ERROR");
    }

    @Test
    void anAnswerWithoutErrorDetailsHasNoCodeAndTheSdkMessage() {
        AwsServiceException bare = AwsServiceException.builder().statusCode(400).message("bad").build();

        AwsCallFailed failed = failure(calls.alsoThrottledOn("PriorRequestNotComplete"), "GetHostedZone", () -> {
            throw bare;
        });

        assertThat(failed.code()).isNull();
        assertThat(failed.getMessage()).isEqualTo("GetHostedZone failed: " + bare.getMessage());
        assertThat(rows).singleElement().extracting(Row::outcome, Row::errorCode, Row::message)
                .containsExactly("ERROR", null, bare.getMessage());
    }

    @Test
    void withSdkMessagesAnErrorAnswerCarriesTheSdkExceptionsWholeMessage() {
        AwsServiceException noPolicy = answer(404, "NoSuchBucketPolicy", "The bucket policy does not exist");

        AwsCallFailed failed = failure(calls.withSdkMessages(), "GetBucketPolicy", () -> {
            throw noPolicy;
        });

        assertThat(noPolicy.getMessage()).contains("The bucket policy does not exist").contains("Status Code: 404");
        assertThat(failed.getMessage()).isEqualTo("GetBucketPolicy failed: NoSuchBucketPolicy: " + noPolicy.getMessage());
        assertThat(rows).singleElement().extracting(Row::errorCode, Row::message)
                .containsExactly("NoSuchBucketPolicy", noPolicy.getMessage());
    }

    @Test
    void noAnswerIsARetryableClientError() {
        AwsCallFailed failed = failure(calls, "DescribeVpcs", () -> {
            throw SdkClientException.create("Unable to execute HTTP request: Connection reset");
        });

        assertThat(failed.code()).isEqualTo("ClientError");
        assertThat(failed.retryable()).isTrue();
        assertThat(rows).singleElement().extracting(Row::outcome, Row::errorCode, Row::message)
                .containsExactly("ERROR", "ClientError", "Unable to execute HTTP request: Connection reset");
        rows.clear();

        assertThat(failure(calls.mappingOnlyAnswersAndClientErrors(), "PutBucketPolicy", () -> {
            throw SdkClientException.create("lost");
        }).code()).isEqualTo("ClientError");
        assertThat(rows).hasSize(1);
    }

    @Test
    void anyOtherSdkExceptionIsAnSdkErrorUnlessTheAdapterLeavesItUnmapped() {
        SdkException other = SdkException.builder().message("something else").build();
        Supplier<Object> fails = () -> {
            throw other;
        };

        AwsCallFailed failed = failure(calls, "DescribeVpcs", fails);
        assertThat(failed.code()).isEqualTo("SdkError");
        assertThat(failed.retryable()).isEqualTo(other.retryable());
        assertThat(rows).singleElement().extracting(Row::outcome, Row::errorCode).containsExactly("ERROR", "SdkError");
        rows.clear();

        SdkException passed = catchThrowableOfType(SdkException.class,
                () -> calls.mappingOnlyAnswersAndClientErrors().call(TARGET, "PutBucketPolicy", "bucket", fails));
        assertThat(passed).isSameAs(other);
        assertThat(rows).isEmpty();
    }

    private static AwsCallFailed failure(LoggedAwsCalls calls, String action, Supplier<?> call) {
        AwsCallFailed failed = catchThrowableOfType(AwsCallFailed.class, () -> calls.call(TARGET, action, "what", call));
        assertThat(failed).as("%s throws AwsCallFailed", action).isNotNull();
        return failed;
    }

    private static AwsServiceException answer(int status, String code, String message) {
        return AwsServiceException.builder().statusCode(status).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode(code).errorMessage(message).serviceName("EC2").build()).build();
    }
}
