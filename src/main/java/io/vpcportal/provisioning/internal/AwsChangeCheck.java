package io.vpcportal.provisioning.internal;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.aws.AwsAccess;
import io.vpcportal.aws.AwsCallFailed;
import io.vpcportal.aws.AwsTarget;
import io.vpcportal.provisioning.EndpointSpec;
import io.vpcportal.request.ChangeCheck;
import io.vpcportal.request.RequestDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Checks the network part of a change against EC2 before it is stored (a subnet of another VPC, two subnets in
 * one Availability Zone), so that the requester hears about it at once instead of after approval. In plan-only
 * mode it says nothing: the preflight of the change checks the same when it runs.
 */
@Component
class AwsChangeCheck implements ChangeCheck {

    private final AwsAccess aws;
    private final AccountManagement accounts;
    private final Preflight preflight;

    AwsChangeCheck(AwsAccess aws, AccountManagement accounts, Preflight preflight) {
        this.aws = aws;
        this.accounts = accounts;
        this.preflight = preflight;
    }

    @Override
    public List<String> problems(RequestDetails original, int position, RequestDetails.ItemDetails changed) {
        if (!aws.applies()) {
            return List.of();
        }
        AccountDetails account = accounts.find(original.accountId()).orElseThrow();
        AwsTarget target = new AwsTarget(account.id(), original.region(), account.roleArn(), account.externalId(),
                original.id());
        EndpointSpec spec = new EndpointSpec(original.vpcId(), changed.serviceName(), changed.serviceRegion(),
                changed.endpointType(), changed.routeTableIds(), changed.subnetIds(), changed.securityGroupIds(),
                changed.privateDns(), null, null, new TreeMap<>());
        try {
            return preflight.network(target, spec);
        } catch (AwsCallFailed e) {
            if (e.retryable()) {
                return List.of(); // AWS is busy: the preflight before the modify checks again
            }
            return new ArrayList<>(List.of("AWS refused to describe the network: " + e.getMessage()));
        }
    }
}
