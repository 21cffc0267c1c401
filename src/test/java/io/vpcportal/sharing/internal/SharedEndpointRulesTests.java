package io.vpcportal.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.catalog.EndpointType;
import io.vpcportal.catalog.PolicyChoice;
import io.vpcportal.inventory.VpcCoverage.RouteTableView;
import io.vpcportal.inventory.VpcTopology;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Which services a hub may serve, and which Transit Gateways a VPC's routes reach. */
class SharedEndpointRulesTests {

    @Test
    void anAwsInterfaceServiceWithOnePolicyForAllCanBeShared() {
        assertThat(SharedEndpointRules.notShareable(template(EndpointType.Interface, "com.amazonaws.{region}.ssm", false,
                PolicyChoice.ORGANIZATION))).isNull();
    }

    @Test
    void gatewaysS3DynamoDbPartnersAndPerVpcPoliciesCannot() {
        assertThat(SharedEndpointRules.notShareable(template(EndpointType.Gateway, "com.amazonaws.{region}.dynamodb",
                false, PolicyChoice.ORGANIZATION))).contains("only interface endpoints can be shared");
        assertThat(SharedEndpointRules.notShareable(template(EndpointType.Interface, "com.amazonaws.{region}.s3", false,
                PolicyChoice.ORGANIZATION))).contains("stays per VPC");
        assertThat(SharedEndpointRules.notShareable(template(EndpointType.Interface, null, true,
                PolicyChoice.FULL_ACCESS))).contains("partner service");
        assertThat(SharedEndpointRules.notShareable(template(EndpointType.Interface, "com.amazonaws.{region}.sqs", false,
                PolicyChoice.CUSTOM))).contains("policy written per VPC");
    }

    @Test
    void onlyRoutesWhoseTargetIsATransitGatewayCount() {
        VpcTopology vpc = new VpcTopology("vpc-1", "111111111111", "eu-west-1", "spoke", "10.1.0.0/16", false, List.of(),
                List.of(new RouteTableView("rtb-1", "main", true, List.of(), List.of("10.1.0.0/16 -> local",
                        "10.0.0.0/8 -> tgw-0abc", "0.0.0.0/0 -> nat-1")),
                        new RouteTableView("rtb-2", "private", false, List.of(), List.of("192.168.0.0/16 -> tgw-0def",
                                "pl-123 -> vpce-1"))), List.of(), List.of(), List.of());

        assertThat(SharedEndpointRules.transitGateways(vpc)).containsExactly("tgw-0abc", "tgw-0def");
    }

    private static EndpointTemplateDetails template(EndpointType type, String pattern, boolean partner,
            PolicyChoice policy) {
        return new EndpointTemplateDetails("key", 1, "Service", "", "Test", type, pattern,
                new TreeSet<>(List.of("eu-west-1")), partner, partner ? "Partner" : null, false, policy, null, List.of(),
                Map.of(), Map.of(), false, Instant.EPOCH, "test");
    }
}
