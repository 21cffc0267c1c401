package io.vpcportal.provisioning;

import io.vpcportal.aws.AwsCallFailed;
import io.vpcportal.aws.AwsTarget;
import java.util.List;
import java.util.Optional;

/** The EC2 calls provisioning needs. Implemented with the AWS SDK in {@code aws}; failures are {@link AwsCallFailed}. */
public interface VpcEndpointGateway {

    /** Endpoints carrying the portal's item tag, whatever their state. */
    List<EndpointState> findByItemTag(AwsTarget target, String itemTag);

    EndpointState create(AwsTarget target, EndpointSpec spec);

    /** Empty when EC2 does not know the id (yet, or any more). */
    Optional<EndpointState> describe(AwsTarget target, String endpointId);

    NetworkFacts network(AwsTarget target, String vpcId, List<String> subnetIds, List<String> routeTableIds,
            List<String> securityGroupIds);

    ServiceFacts service(AwsTarget target, String serviceName, String serviceRegion);

    /** Endpoints for {@code serviceName} already in the VPC, not deleted. */
    List<EndpointState> endpointsFor(AwsTarget target, String vpcId, String serviceName);

    /**
     * Sends {@code ModifyVpcEndpoint} with exactly the parameters of {@code change} (when it has any), then
     * {@code CreateTags} and {@code DeleteTags} for its tags.
     */
    default void modify(AwsTarget target, String endpointId, EndpointChange change) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not modify endpoints");
    }

    /** Sends {@code DeleteVpcEndpoints} for one endpoint; an id EC2 does not know (any more) counts as deleted. */
    default void delete(AwsTarget target, String endpointId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not delete endpoints");
    }
}
