package io.vpcportal.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Clients are built once per (client type, account, region) and shared by every request in it, whatever role session
 * signs the calls; Route 53 is global, so per account. Building a client calls nothing.
 */
class AwsClientsTests {

    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    @Test
    void clientsAreCachedPerTypeAccountAndRegion() {
        AwsTarget first = new AwsTarget("111122223333", "eu-west-1", "arn:aws:iam::111122223333:role/r", "x", UUID.randomUUID());
        AwsTarget sameAccountAndRegion = new AwsTarget("111122223333", "eu-west-1", null, null, UUID.randomUUID());
        AwsTarget otherRegion = new AwsTarget("111122223333", "us-east-1", null, null, UUID.randomUUID());
        AwsTarget otherAccount = new AwsTarget("444455556666", "eu-west-1", null, null, UUID.randomUUID());
        try (AwsClients clients = new AwsClients(new AwsProperties("apply", NOWHERE, null))) {
            assertThat(clients.ec2(sameAccountAndRegion)).isSameAs(clients.ec2(first));
            assertThat(clients.ec2(otherRegion)).isNotSameAs(clients.ec2(first));
            assertThat(clients.ec2(otherAccount)).isNotSameAs(clients.ec2(first));
            assertThat(clients.ec2SingleAttempt(first)).isNotSameAs(clients.ec2(first))
                    .isSameAs(clients.ec2SingleAttempt(sameAccountAndRegion));
            assertThat(clients.s3(first)).isSameAs(clients.s3(sameAccountAndRegion))
                    .isNotSameAs(clients.s3ForObjectReads(first));
            assertThat(clients.route53(otherRegion)).as("global: one per account").isSameAs(clients.route53(first))
                    .isNotSameAs(clients.route53(otherAccount));
            assertThat(clients.cloudWatch(first, null)).isSameAs(clients.cloudWatch(sameAccountAndRegion, null))
                    .isNotSameAs(clients.cloudWatch(first, URI.create("http://127.0.0.1:10")));
            assertThat(clients.organizations(8, 4.0)).isSameAs(clients.organizations(8, 4.0));
        }
    }

    @Test
    void callsAreSignedWithTheTargetsRoleOrThePortalsOwnIdentity() {
        try (AwsClients clients = new AwsClients(new AwsProperties("apply", NOWHERE, null))) {
            AwsTarget withRole = AwsTarget.forTask("savings", "111122223333", "eu-west-1",
                    "arn:aws:iam::111122223333:role/r", "x");
            AwsTarget withoutRole = AwsTarget.forTask("savings", "111122223333", "eu-west-1", " ", null);

            assertThat(clients.credentials(withRole)).isSameAs(clients.credentials(withRole))
                    .isNotSameAs(clients.credentials(withoutRole));
            assertThat(clients.as(withRole).credentialsProvider()).containsSame(clients.credentials(withRole));
        }
    }

    @Test
    void sessionNamesSayWhichRequestOrTaskMadeTheCall() {
        UUID request = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

        assertThat(new AwsTarget("1", "eu-west-1", "r", null, request).sessionName())
                .isEqualTo("vpce-portal-0f8fad5b-d9cb-469f-a165").hasSizeLessThanOrEqualTo(64);
        assertThat(AwsTarget.forTask("discovery", null, "us-east-1", "r", null).sessionName())
                .isEqualTo("vpce-portal-discovery");
        assertThat(AwsTarget.forTask(null, "1", "eu-west-1", "r", null).sessionName()).isEqualTo("vpce-portal");
    }
}
