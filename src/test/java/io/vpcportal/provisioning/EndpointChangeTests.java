package io.vpcportal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The diff behind ModifyVpcEndpoint: only what differs from what EC2 describes is sent. */
class EndpointChangeTests {

    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
    private static final String SAME_POLICY_OTHER_LAYOUT = """
            {
              "Version": "2012-10-17",
              "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*" } ]
            }""";
    private static final String OTHER_POLICY = POLICY.replace("s3:GetObject", "s3:PutObject");
    /** Stands in for the policy engine's canonical form: whitespace outside strings does not count. */
    private static final UnaryOperator<String> CANONICAL = p -> p.replaceAll("\\s+", "");

    @Test
    void identicalStateNeedsNoCall() {
        EndpointChange change = EndpointChange.between(gateway(List.of("rtb-11111111"), POLICY),
                gatewaySpec(List.of("rtb-11111111"), POLICY), CANONICAL);
        assertThat(change.isEmpty()).isTrue();
        assertThat(change.summary()).isEqualTo("no change");
        assertThat(change.parameters("vpce-1")).containsOnlyKeys("VpcEndpointId");
    }

    @Test
    void routeTablesAreAddedAndRemovedByDifference() {
        EndpointChange change = EndpointChange.between(gateway(List.of("rtb-11111111", "rtb-22222222"), POLICY),
                gatewaySpec(List.of("rtb-22222222", "rtb-33333333"), POLICY), CANONICAL);
        assertThat(change.addRouteTableIds()).containsExactly("rtb-33333333");
        assertThat(change.removeRouteTableIds()).containsExactly("rtb-11111111");
        assertThat(change.policyDocument()).isNull();
        assertThat(change.privateDns()).isNull();
        assertThat(change.parameters("vpce-1")).containsEntry("AddRouteTableIds", List.of("rtb-33333333"))
                .containsEntry("RemoveRouteTableIds", List.of("rtb-11111111")).doesNotContainKey("PolicyDocument");
    }

    @Test
    void aPolicyIsSentOnlyWhenItsCanonicalFormDiffers() {
        assertThat(EndpointChange.between(gateway(List.of("rtb-11111111"), SAME_POLICY_OTHER_LAYOUT),
                gatewaySpec(List.of("rtb-11111111"), POLICY), CANONICAL).isEmpty()).isTrue();
        EndpointChange change = EndpointChange.between(gateway(List.of("rtb-11111111"), POLICY),
                gatewaySpec(List.of("rtb-11111111"), OTHER_POLICY), CANONICAL);
        assertThat(change.policyDocument()).isEqualTo(OTHER_POLICY);
        assertThat(change.parameters("vpce-1")).containsEntry("PolicyDocument", OTHER_POLICY);
        assertThat(change.summary()).isEqualTo("new endpoint policy");
    }

    @Test
    void anEndpointWithoutPolicyGetsTheApprovedOneAndAServiceWithoutPoliciesKeepsItsOwn() {
        assertThat(EndpointChange.between(gateway(List.of("rtb-11111111"), null),
                gatewaySpec(List.of("rtb-11111111"), POLICY), CANONICAL).policyDocument()).isEqualTo(POLICY);
        assertThat(EndpointChange.between(gateway(List.of("rtb-11111111"), POLICY),
                gatewaySpec(List.of("rtb-11111111"), null), CANONICAL).isEmpty()).isTrue();
    }

    @Test
    void interfaceSubnetsGroupsAndPrivateDnsAreDiffedTogether() {
        EndpointState current = new EndpointState("vpce-1", "com.amazonaws.eu-west-1.glue", "available", null, List.of(),
                List.of("subnet-11111111", "subnet-22222222"), List.of("sg-11111111"), false, null, Map.of());
        EndpointSpec desired = new EndpointSpec("vpc-11111111", "com.amazonaws.eu-west-1.glue", null, "Interface",
                List.of(), List.of("subnet-22222222", "subnet-33333333"), List.of("sg-22222222"), true, null, null,
                new TreeMap<>());
        EndpointChange change = EndpointChange.between(current, desired, CANONICAL);
        assertThat(change.addSubnetIds()).containsExactly("subnet-33333333");
        assertThat(change.removeSubnetIds()).containsExactly("subnet-11111111");
        assertThat(change.addSecurityGroupIds()).containsExactly("sg-22222222");
        assertThat(change.removeSecurityGroupIds()).containsExactly("sg-11111111");
        assertThat(change.privateDns()).isTrue();
        assertThat(change.summary()).isEqualTo("add subnets subnet-33333333, remove subnets subnet-11111111, "
                + "add security groups sg-22222222, remove security groups sg-11111111, private DNS on");
    }

    @Test
    void privateDnsNeverCountsForAGateway() {
        EndpointSpec desired = new EndpointSpec("vpc-11111111", "com.amazonaws.eu-west-1.s3", null, "Gateway",
                List.of("rtb-11111111"), List.of(), List.of(), true, POLICY, null, new TreeMap<>());
        assertThat(EndpointChange.between(gateway(List.of("rtb-11111111"), POLICY), desired, CANONICAL).isEmpty())
                .isTrue();
    }

    @Test
    void aRetryAfterAPartialModifySendsOnlyWhatIsStillMissing() {
        // the first attempt added rtb-3 but its answer was lost; EC2 now describes the endpoint with it
        EndpointChange retry = EndpointChange.between(gateway(List.of("rtb-22222222", "rtb-33333333"), POLICY),
                gatewaySpec(List.of("rtb-22222222", "rtb-33333333"), OTHER_POLICY), CANONICAL);
        assertThat(retry.addRouteTableIds()).isEmpty();
        assertThat(retry.removeRouteTableIds()).isEmpty();
        assertThat(retry.policyDocument()).isEqualTo(OTHER_POLICY);
    }

    @Test
    void tagsAreSetAndRemovedByDifferenceAndAwsTagsAreLeftAlone() {
        EndpointState current = new EndpointState("vpce-1", "com.amazonaws.eu-west-1.s3", "available", null,
                List.of("rtb-11111111"), List.of(), List.of(), false, POLICY,
                Map.of("cost-centre", "cc-2", "owner", "someone", "aws:cloudformation:stack-name", "s", "Name", "n"));
        EndpointSpec desired = new EndpointSpec("vpc-11111111", "com.amazonaws.eu-west-1.s3", null, "Gateway",
                List.of("rtb-11111111"), List.of(), List.of(), false, POLICY, null,
                new TreeMap<>(Map.of("cost-centre", "cc-1", "Name", "n", "portal:team", "payments")));

        EndpointChange change = EndpointChange.between(current, desired, CANONICAL);

        assertThat(change.setTags()).containsExactlyEntriesOf(new TreeMap<>(Map.of("cost-centre", "cc-1",
                "portal:team", "payments")));
        assertThat(change.removeTagKeys()).containsExactly("owner");
        assertThat(change.modifiesEndpoint()).as("tags need no ModifyVpcEndpoint").isFalse();
        assertThat(change.isEmpty()).isFalse();
        assertThat(change.parameters("vpce-1")).containsOnlyKeys("VpcEndpointId");
        assertThat(change.summary()).isEqualTo("set tags cost-centre, portal:team, remove tags owner");
    }

    private static EndpointState gateway(List<String> routeTables, String policy) {
        return new EndpointState("vpce-1", "com.amazonaws.eu-west-1.s3", "available", null, routeTables, List.of(),
                List.of(), false, policy, Map.of());
    }

    private static EndpointSpec gatewaySpec(List<String> routeTables, String policy) {
        return new EndpointSpec("vpc-11111111", "com.amazonaws.eu-west-1.s3", null, "Gateway", routeTables, List.of(),
                List.of(), false, policy, null, new TreeMap<>());
    }
}
