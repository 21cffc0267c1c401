package io.vpcportal.request.web;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/requests}: filters, visibility and keyset pagination. Each test works in a team of its own,
 * so the counts are exact whatever other tests stored.
 */
@PortalIntegrationTest
class RequestListIntegrationTests {

    private static final String REQUESTS = "/api/v1/requests";

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    AccountManagement accounts;

    PortalApi api;
    TestIdentities identities;

    @BeforeEach
    void setUp() {
        api = new PortalApi(port);
        identities = new TestIdentities(identity, accounts);
    }

    @Test
    void pagesWalkEveryRequestOnceNewestFirst() {
        FreshTeam team = identities.team("eu-west-1");
        String token = api.tokenOf(identities.requester(team.id()), TestIdentities.PASSWORD);
        List<String> created = createRequests(token, team, 8);

        List<List<JsonNode>> pages = walk(token, "?team=" + team.id() + "&limit=3");

        assertThat(pages).extracting(List::size).containsExactly(3, 3, 2);
        List<JsonNode> all = pages.stream().flatMap(List::stream).toList();
        List<String> ids = all.stream().map(r -> r.get("id").asString()).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(all).extracting(r -> Instant.parse(r.get("createdAt").asString()))
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(ids).as("newest first").containsExactlyElementsOf(reversed(created));
    }

    @Test
    void aPageBoundaryOnTheLastRowEndsWithoutAnEmptyPage() {
        FreshTeam team = identities.team("eu-west-1");
        String token = api.tokenOf(identities.requester(team.id()), TestIdentities.PASSWORD);
        createRequests(token, team, 4);

        List<List<JsonNode>> pages = walk(token, "?team=" + team.id() + "&limit=2");

        assertThat(pages).extracting(List::size).containsExactly(2, 2);
    }

    @Test
    void requestsCreatedWhilePagingDoNotShiftLaterPages() {
        FreshTeam team = identities.team("eu-west-1");
        String token = api.tokenOf(identities.requester(team.id()), TestIdentities.PASSWORD);
        List<String> before = createRequests(token, team, 5);

        JsonNode first = page(token, "?team=" + team.id() + "&limit=2");
        List<String> during = createRequests(token, team, 2);
        List<String> seen = new ArrayList<>(idsOf(first));
        String cursor = first.get("nextCursor").asString();
        while (cursor != null) {
            JsonNode next = page(token, "?team=" + team.id() + "&limit=2&cursor=" + cursor);
            seen.addAll(idsOf(next));
            cursor = next.get("nextCursor").isNull() ? null : next.get("nextCursor").asString();
        }

        assertThat(seen).containsExactlyElementsOf(reversed(before));
        assertThat(idsOf(page(token, "?team=" + team.id() + "&limit=2"))).containsExactlyElementsOf(reversed(during));
    }

    @Test
    void filtersCombineByStatusAccountAndRequester() {
        FreshTeam team = identities.team("eu-west-1");
        String alice = api.tokenOf(identities.requester(team.id()), TestIdentities.PASSWORD);
        String bob = api.tokenOf(identities.requester(team.id()), TestIdentities.PASSWORD);
        List<String> mine = createRequests(alice, team, 3);
        List<String> bobs = createRequests(bob, team, 2);
        api.post(REQUESTS + "/" + mine.get(0) + "/submit", alice, "");
        api.post(REQUESTS + "/" + bobs.get(1) + "/submit", bob, "");
        api.post(REQUESTS + "/" + mine.get(2) + "/cancel", alice, "");
        String inTeam = "?team=" + team.id();

        assertThat(allIds(alice, inTeam)).containsExactlyInAnyOrderElementsOf(concat(mine, bobs));
        assertThat(allIds(alice, inTeam + "&mine=true")).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(allIds(alice, inTeam + "&status=SUBMITTED")).containsExactlyInAnyOrder(mine.get(0), bobs.get(1));
        assertThat(allIds(alice, inTeam + "&status=SUBMITTED&mine=true")).containsExactly(mine.get(0));
        assertThat(allIds(alice, inTeam + "&status=CANCELLED")).containsExactly(mine.get(2));
        assertThat(allIds(alice, inTeam + "&status=DRAFT")).containsExactlyInAnyOrder(mine.get(1), bobs.get(0));
        assertThat(allIds(alice, "?account=" + team.accountId())).containsExactlyInAnyOrderElementsOf(concat(mine, bobs));
        assertThat(allIds(alice, "?account=111111111111&team=" + team.id())).isEmpty();
        JsonNode summary = page(alice, inTeam + "&status=CANCELLED").get("items").get(0);
        assertThat(summary.get("templateKeys")).extracting(JsonNode::asString).containsExactly("sts");
        assertThat(summary.get("accountId").asString()).isEqualTo(team.accountId());
        assertThat(summary.get("team").asString()).isEqualTo(team.id());
    }

    @Test
    void aRequesterListsOnlyTheirTeamsRequestsWhileApproversSeeAll() {
        FreshTeam team = identities.team("eu-west-1");
        String insider = api.tokenOf(identities.requester(team.id()), TestIdentities.PASSWORD);
        List<String> ids = createRequests(insider, team, 2);
        FreshTeam otherTeam = identities.team("eu-west-1");
        String outsider = api.tokenOf(identities.requester(otherTeam.id()), TestIdentities.PASSWORD);

        assertThat(allIds(outsider, "?team=" + team.id())).isEmpty();
        assertThat(allIds(outsider, "?account=" + team.accountId())).isEmpty();
        assertThat(allIds(outsider, "")).doesNotContainAnyElementsOf(ids);
        assertThat(allIds(api.tokenOf("sec-approver"), "?team=" + team.id())).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(allIds(api.tokenOf("admin"), "?team=" + team.id())).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void injectionInFiltersIsJustAValueThatMatchesNothing() {
        String token = api.tokenOf("requester");
        for (String evil : List.of("payments' OR '1'='1", "payments\"; --", "%", "_", "*")) {
            String query = "?team=" + URLEncoder.encode(evil, StandardCharsets.UTF_8);
            Response response = api.get(REQUESTS + query, token);
            assertThat(response.status()).as(evil).isEqualTo(200);
            assertThat(response.json().get("items")).as(evil).isEmpty();
        }
    }

    @Test
    void badListParametersAreProblemsOnTheirField() {
        String token = api.tokenOf("requester");

        assertThat(errorFields(assertProblem(api.get(REQUESTS + "?limit=0", token), 400))).containsExactly("limit");
        assertThat(errorFields(assertProblem(api.get(REQUESTS + "?limit=101", token), 400))).containsExactly("limit");
        assertThat(errorFields(assertProblem(api.get(REQUESTS + "?limit=ten", token), 400))).containsExactly("limit");
        assertThat(errorFields(assertProblem(api.get(REQUESTS + "?status=LOST", token), 400))).containsExactly("status");
        assertThat(errorFields(assertProblem(api.get(REQUESTS + "?mine=maybe", token), 400))).containsExactly("mine");
        assertThat(errorFields(assertProblem(api.get(REQUESTS + "?cursor=not-a-cursor", token), 400)))
                .containsExactly("cursor");
        assertThat(api.get(REQUESTS + "?limit=100", token).status()).isEqualTo(200);
        assertThat(api.get(REQUESTS + "?cursor=", token).status()).as("a blank cursor is the first page").isEqualTo(200);
    }

    private List<String> createRequests(String token, FreshTeam team, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Response created = api.post(REQUESTS, token, RequestPayloads.sts(team.id(), team.accountId(), "eu-west-1")
                    .put("title", "request " + i).toString());
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            ids.add(created.json().get("id").asString());
        }
        return ids;
    }

    /** Every page of a query, following nextCursor until it is null; fails on a loop. */
    private List<List<JsonNode>> walk(String token, String query) {
        List<List<JsonNode>> pages = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = page(token, query + (cursor == null ? "" : "&cursor=" + cursor));
            List<JsonNode> items = new ArrayList<>();
            page.get("items").forEach(items::add);
            pages.add(items);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            assertThat(cursor == null || cursors.add(cursor)).as("cursor %s seen twice", cursor).isTrue();
            assertThat(pages).as("pages").hasSizeLessThan(50);
        } while (cursor != null);
        return pages;
    }

    private List<String> allIds(String token, String query) {
        String separator = query.isEmpty() ? "?" : "&";
        return walk(token, query + separator + "limit=100").stream().flatMap(List::stream)
                .map(r -> r.get("id").asString()).toList();
    }

    private JsonNode page(String token, String query) {
        Response response = api.get(REQUESTS + query, token);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private static List<String> idsOf(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
