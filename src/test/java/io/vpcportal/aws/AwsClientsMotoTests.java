package io.vpcportal.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.MotoAccounts;
import io.vpcportal.MotoServer;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * Against the moto server: a cached client signs each call with the role of the call's target, so calls of two
 * requests in one account share a client, and a call for another account (assumed through that account's role) sees
 * only that account's resources. The portal's own identity is the dummy one moto accepts (system properties read by
 * the SDK's default chain, as in the portal's integration tests).
 */
class AwsClientsMotoTests {

    private static final String REGION = "eu-west-1";

    @BeforeAll
    static void portalIdentity() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    @Test
    void eachCallActsInItsTargetsAccountThroughItsRole() {
        String accountA = account();
        String accountB = account();
        String vpcInA;
        try (Ec2Client ec2 = MotoAccounts.ec2As(accountA, REGION)) {
            vpcInA = ec2.createVpc(r -> r.cidrBlock("10.42.0.0/16")).vpc().vpcId();
        }
        try (AwsClients clients = new AwsClients(new AwsProperties("apply", MotoServer.shared().endpoint(), null))) {
            AwsTarget firstRequest = target(accountA);
            AwsTarget secondRequest = target(accountA);
            AwsTarget otherAccount = target(accountB);

            assertThat(vpcIds(clients, firstRequest)).contains(vpcInA);
            assertThat(vpcIds(clients, secondRequest)).contains(vpcInA);
            assertThat(clients.ec2(secondRequest)).isSameAs(clients.ec2(firstRequest));
            assertThat(vpcIds(clients, otherAccount)).isNotEmpty().doesNotContain(vpcInA);
        }
    }

    private static List<String> vpcIds(AwsClients clients, AwsTarget target) {
        return clients.ec2(target).describeVpcs(r -> r.overrideConfiguration(clients.as(target))).vpcs().stream()
                .map(Vpc::vpcId).toList();
    }

    private static AwsTarget target(String account) {
        return new AwsTarget(account, REGION, MotoAccounts.roleOf(account), MotoAccounts.externalIdOf(account),
                UUID.randomUUID());
    }

    private static String account() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    }
}
