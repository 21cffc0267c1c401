package io.vpcportal.savings.web;

import static io.vpcportal.Problems.assertProblem;
import static io.vpcportal.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.PortalIntegrationTest;
import io.vpcportal.TestIdentities;
import io.vpcportal.TestIdentities.FreshTeam;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.identity.Role;
import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.MeasuredDay;
import io.vpcportal.savings.SavingsManagement;
import tools.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Savings are scoped like the inventory: a requester of another team sees none of team A's account, VPC, endpoint
 * or NAT gateway ids, in the API (every grouping), the dashboard and the CSV; approvers and admins see them.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SavingsScopeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    AccountManagement accounts;

    @Autowired
    SavingsManagement savings;

    PortalApi api;
    TestIdentities people;
    FreshTeam teamA;
    FreshTeam teamB;
    String endpointA;
    String natA;
    String vpcA;
    String endpointB;
    LocalDate day;

    @BeforeAll
    void twoTeamsWithSavings() {
        api = new PortalApi(port);
        people = new TestIdentities(identity, accounts);
        teamA = people.team("eu-west-1");
        teamB = people.team("eu-west-1");
        day = savings.today().minusDays(2);
        long n = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 44);
        endpointA = "vpce-" + String.format("%017x", n);
        natA = "nat-" + String.format("%017x", n + 1);
        vpcA = "vpc-" + String.format("%017x", n + 2);
        endpointB = "vpce-" + String.format("%017x", n + 3);
        String vpcB = "vpc-" + String.format("%017x", n + 4);
        savings.record(List.of(
                new MeasuredDay(day, endpointA, LedgerKind.GATEWAY, null, teamA.id(), teamA.accountId(), "eu-west-1",
                        vpcA, "com.amazonaws.eu-west-1.s3", 0, 50_000_000_000L),
                new MeasuredDay(day, natA, LedgerKind.NAT, null, teamA.id(), teamA.accountId(), "eu-west-1", vpcA,
                        "nat-gateway", 0, 7_000_000_000L),
                new MeasuredDay(day, endpointB, LedgerKind.GATEWAY, null, teamB.id(), teamB.accountId(), "eu-west-1",
                        vpcB, "com.amazonaws.eu-west-1.s3", 0, 40_000_000_000L)));
    }

    @Test
    void aRequesterOfAnotherTeamSeesNoneOfTeamAsIdsInTheApi() {
        String token = api.tokenOf(people.requester(teamB.id()), TestIdentities.PASSWORD);
        for (String groupBy : List.of("endpoint", "account", "team", "region", "service", "month")) {
            Response report = api.get("/api/v1/savings?groupBy=" + groupBy + "&from=" + day + "&to=" + day, token);
            assertThat(report.status()).as("%s", report).isEqualTo(200);
            assertThat(report.body()).as(groupBy).doesNotContain(endpointA, natA, vpcA, teamA.accountId(), teamA.id());
        }
        Response endpoints = api.get("/api/v1/savings?groupBy=endpoint&from=" + day + "&to=" + day, token);
        assertThat(endpoints.body()).contains(endpointB);
        Response accounts = api.get("/api/v1/savings?groupBy=account&from=" + day + "&to=" + day, token);
        assertThat(accounts.json().get("groups")).hasSize(1);
    }

    @Test
    void approversAndAdminsSeeEveryAccount() {
        for (Set<Role> roles : List.of(Set.of(Role.APPROVER), Set.of(Role.ADMIN))) {
            String token = api.tokenOf(people.user(roles, teamB.id()), TestIdentities.PASSWORD);
            Response report = api.get("/api/v1/savings?groupBy=endpoint&from=" + day + "&to=" + day, token);
            assertThat(report.body()).as("%s", roles).contains(endpointA, endpointB);
        }
    }

    @Test
    void groupsComeInPagesWithTheirCountAndBadPagesAreProblemsNamingTheField() {
        String token = api.tokenOf(people.user(Set.of(Role.ADMIN), teamB.id()), TestIdentities.PASSWORD);
        String endpoints = "/api/v1/savings?groupBy=endpoint&from=" + day + "&to=" + day;
        JsonNode all = api.get(endpoints, token).json();
        long count = all.get("groupCount").asLong();
        assertThat(all.get("groups")).as("one page holds every group of a small grouping").hasSize((int) count);
        assertThat(count).isGreaterThanOrEqualTo(2);
        assertThat(all.get("offset").asLong()).isZero();
        assertThat(all.get("limit").asInt()).isEqualTo(1000);
        List<String> paged = new ArrayList<>();
        for (long offset = 0; offset < count; offset++) {
            JsonNode page = api.get(endpoints + "&limit=1&offset=" + offset, token).json();
            assertThat(page.get("groupCount").asLong()).isEqualTo(count);
            assertThat(page.get("groups")).hasSize(1);
            assertThat(page.get("total")).isEqualTo(all.get("total"));
            paged.add(page.get("groups").get(0).get("key").asString());
        }
        assertThat(paged).containsExactlyElementsOf(all.get("groups").findValuesAsString("key"));
        JsonNode past = api.get(endpoints + "&limit=5&offset=" + count, token).json();
        assertThat(past.get("groups")).isEmpty();
        assertThat(past.get("groupCount").asLong()).isEqualTo(count);

        for (String bad : List.of("limit=0", "limit=10001", "limit=ten")) {
            assertThat(errorFields(assertProblem(api.get(endpoints + "&" + bad, token), 400))).as(bad)
                    .containsExactly("limit");
        }
        for (String bad : List.of("offset=-1", "offset=x")) {
            assertThat(errorFields(assertProblem(api.get(endpoints + "&" + bad, token), 400))).as(bad)
                    .containsExactly("offset");
        }
    }

    @Test
    void theDashboardAndTheCsvOfARequesterOfAnotherTeamHoldNoneOfTeamAsIds() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn(people.requester(teamB.id()), TestIdentities.PASSWORD);

        PortalApi.Response page = browser.page("/savings?from=" + day + "&to=" + day);
        PortalApi.Response csv = browser.page("/savings.csv?from=" + day + "&to=" + day);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(endpointA, natA, vpcA, teamA.accountId()).contains(endpointB);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).doesNotContain(endpointA, natA, vpcA, teamA.accountId()).contains(endpointB);

        PortalApi mate = PortalApi.browser(port);
        mate.signIn(people.requester(teamA.id()), TestIdentities.PASSWORD);
        assertThat(mate.page("/savings.csv?from=" + day + "&to=" + day).body()).contains(endpointA, natA)
                .doesNotContain(endpointB);
    }
}
