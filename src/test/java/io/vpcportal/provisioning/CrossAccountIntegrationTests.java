package io.vpcportal.provisioning;

import static io.vpcportal.MotoAccounts.ec2As;
import static io.vpcportal.MotoAccounts.roleOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.AwsIntegrationTest;
import io.vpcportal.PortalApi;
import io.vpcportal.TestIdentities;
import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.shared.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import tools.jackson.databind.JsonNode;

/**
 * Two member accounts reached through STS AssumeRole with their external ids: each request's endpoint lands
 * in its own account (moto keeps a separate world per account and switches to the role's account on
 * AssumeRole), and the portal's own account stays empty.
 */
@AwsIntegrationTest
class CrossAccountIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    AccountManagement accounts;

    @Test
    void eachEndpointLandsInTheAccountWhoseRoleWasAssumed() {
        PortalApi api = new PortalApi(port);
        TestIdentities people = new TestIdentities(identity, accounts);
        String first = randomAccount();
        String second = randomAccount();
        String team = "x-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        identity.ensureTeam(new TeamId(team), "Cross-account team");
        for (String account : List.of(first, second)) {
            accounts.register(account, new AccountChange("member " + account, roleOf(account), "ext-" + account,
                    AccountEnvironment.NON_PRODUCTION, new TreeSet<>(Set.of("eu-west-1")), new TreeSet<>(Set.of(team))),
                    "test");
        }
        String token = api.tokenOf(people.requester(team), TestIdentities.PASSWORD);

        String vpcInFirst = vpcIn(first);
        String vpcInSecond = vpcIn(second);
        String firstRequest = submit(api, token, team, first, vpcInFirst);
        String secondRequest = submit(api, token, team, second, vpcInSecond);
        awaitActive(api, token, firstRequest);
        awaitActive(api, token, secondRequest);

        assertThat(endpoints(first, vpcInFirst)).singleElement()
                .satisfies(e -> assertThat(e.tags()).anyMatch(t -> t.value().equals(firstRequest + "/0")));
        assertThat(endpoints(second, vpcInSecond)).singleElement()
                .satisfies(e -> assertThat(e.tags()).anyMatch(t -> t.value().equals(secondRequest + "/0")));
        assertThat(endpoints(first, vpcInSecond)).isEmpty();
        JsonNode calls = api.get("/api/v1/requests/" + firstRequest + "/provisioning", token).json().get("calls");
        assertThat(calls.toString()).contains("CreateVpcEndpoint").doesNotContain("ext-" + first);
    }

    private static String submit(PortalApi api, String token, String team, String account, String vpc) {
        var created = api.post("/api/v1/requests", token, """
                {"team":"%s","accountId":"%s","region":"eu-west-1","vpcId":"%s","justification":"cross-account",
                 "items":[{"templateKey":"dynamodb-gateway","routeTableIds":["%s"]}]}"""
                .formatted(team, account, vpc, routeTableOf(account, vpc)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        var submitted = api.post("/api/v1/requests/" + id + "/submit", token, "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return id;
    }

    private static void awaitActive(PortalApi api, String token, String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode request = null;
        while (Instant.now().isBefore(deadline)) {
            request = api.get("/api/v1/requests/" + id, token).json();
            if (request.get("status").asString().equals("ACTIVE")) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Request " + id + " did not become ACTIVE: " + request);
    }

    private static String randomAccount() {
        return "8" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    /** EC2 as the member account, through the same role the portal assumes. */

    private static String vpcIn(String account) {
        try (Ec2Client ec2 = ec2As(account, "eu-west-1")) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
            ec2.createRouteTable(r -> r.vpcId(vpc));
            return vpc;
        }
    }

    private static String routeTableOf(String account, String vpc) {
        try (Ec2Client ec2 = ec2As(account, "eu-west-1")) {
            return ec2.describeRouteTables(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build()))
                    .routeTables().get(0).routeTableId();
        }
    }

    private static List<VpcEndpoint> endpoints(String account, String vpc) {
        try (Ec2Client ec2 = ec2As(account, "eu-west-1")) {
            return ec2.describeVpcEndpoints(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build()))
                    .vpcEndpoints();
        }
    }
}
