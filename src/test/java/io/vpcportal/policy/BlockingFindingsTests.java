package io.vpcportal.policy;

import static io.vpcportal.policy.PolicyFixtures.S3;
import static io.vpcportal.policy.PolicyFixtures.management;
import static io.vpcportal.policy.PolicyFixtures.standard;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a create checks ({@link PolicyManagement#blockingFindings}) is exactly the ERROR findings of the full preview
 * a reviewer reads, for items with and without errors: leaving the access matrix out changes no decision.
 */
class BlockingFindingsTests {

    private final PolicyManagement policies = management();

    static Stream<EndpointPolicyInput> itemsWithErrors() {
        String grammar = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Maybe\", \"Action\": \"s3:*\"}]}";
        String noPrincipal = PolicyFindingsTests.OWN_BUCKET_ONLY.replace("\"Principal\": \"*\", ", "");
        AccessCheck denied = new AccessCheck("arn:aws:iam::111111111111:role/app", "s3:PutObject",
                "arn:aws:s3:::" + PolicyFixtures.BUCKET + "/object", NetworkPath.OUTSIDE_VPC, true, null);
        return Stream.of(
                PolicyFixtures.input(S3, "Gateway", "custom", List.of(), List.of(), grammar),
                PolicyFixtures.input(S3, "Gateway", "custom", List.of(), List.of(), noPrincipal),
                PolicyFixtures.input(S3, "Gateway", "custom", List.of(), List.of(), "not json at all"),
                standard().withOptions(PolicyFindingsTests.expecting(denied)));
    }

    @ParameterizedTest
    @MethodSource("itemsWithErrors")
    void anItemWithErrorsIsRefusedForTheSameFindings(EndpointPolicyInput input) {
        List<Finding> errors = policies.preview(input).errors();

        assertThat(errors).isNotEmpty();
        assertThat(policies.blockingFindings(input)).containsExactlyElementsOf(errors);
    }

    @Test
    void twoThousandGeneratedItemsGetTheSameAnswerBothWays() {
        for (PolicyGenerationPropertyTests.Sample sample : PolicyGenerationPropertyTests.samples()) {
            EndpointPolicyInput input = PolicyGenerationPropertyTests.input(sample);
            assertThat(policies.blockingFindings(input)).as(input.toString())
                    .containsExactlyElementsOf(policies.preview(input).errors());
        }
    }
}
