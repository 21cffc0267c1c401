package io.vpcportal.provisioning.aws;

import io.vpcportal.provisioning.AwsTarget;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * EC2 (and Route 53) access for other modules' AWS adapters (the inventory's reads): the same clients, role assumption and
 * call rate per account and region as provisioning, so that STS code lives in one place and the portal's
 * calls stay under one limit. Only {@code aws} packages may use it: it hands out SDK types.
 */
@Component
@NamedInterface("aws-access")
public class Ec2Access {

    private final AwsClients clients;
    private final CallRateLimits limits;

    Ec2Access(AwsClients clients, CallRateLimits limits) {
        this.clients = clients;
        this.limits = limits;
    }

    /** The client for the target's account and region; pass {@link #as(AwsTarget)} with every call. */
    public Ec2Client ec2(AwsTarget target) {
        return clients.ec2(target);
    }

    /** The Route 53 client of the target's account (global); pass {@link #as(AwsTarget)} with every call. */
    public Route53Client route53(AwsTarget target) {
        return clients.route53(target);
    }

    /** Per-call configuration that signs with the target account's assumed role. */
    public AwsRequestOverrideConfiguration as(AwsTarget target) {
        return AwsRequestOverrideConfiguration.builder().credentialsProvider(clients.credentials(target)).build();
    }

    /** Waits for a permit of the portal's own call rate in the target's account and region. */
    public void acquire(AwsTarget target) {
        limits.acquire(target.accountId(), target.region());
    }
}
