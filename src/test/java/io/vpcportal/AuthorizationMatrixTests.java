package io.vpcportal;

import static io.vpcportal.AuthorizationMatrixTests.Outcome.CONFLICT;
import static io.vpcportal.AuthorizationMatrixTests.Outcome.FORBID;
import static io.vpcportal.AuthorizationMatrixTests.Outcome.HIDDEN;
import static io.vpcportal.AuthorizationMatrixTests.Outcome.INVALID;
import static io.vpcportal.AuthorizationMatrixTests.Outcome.LOGIN;
import static io.vpcportal.AuthorizationMatrixTests.Outcome.MOVED;
import static io.vpcportal.AuthorizationMatrixTests.Outcome.OK;
import static io.vpcportal.AuthorizationMatrixTests.Outcome.UNAUTH;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi.Response;
import io.vpcportal.TestIdentities.FreshTeam;
import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.approval.ApprovalRules;
import io.vpcportal.approval.RequestBodies;
import io.vpcportal.approval.TestRules;
import io.vpcportal.identity.ApiTokens;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.identity.Role;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may call which API endpoint: every endpoint the portal maps under {@code /api/} against every kind of
 * caller, over real HTTP with real tokens. A new endpoint fails {@link #everyApiEndpointIsInTheMatrix()} until
 * it gets a row here and in {@code docs/authorization-matrix.md}.
 *
 * <p>The resource of each row belongs to team A. Callers: nobody signed in; the requester who created the
 * resource (OWNER); another requester of team A (MATE); a requester of team B (OTHER); an approver of team X, the
 * team the request's approval stage waits for (STAGE); an approver of team Y, on no stage of it (APPR); an admin
 * (also approver and requester) of team Z (ADMIN); a member of team A with no role at all (NOROLE). Every body is valid from the caller's point of view, so the
 * outcome is decided by who calls, not by what they send.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

    /** What an answer says about the caller's rights. */
    enum Outcome {
        /** 2xx: allowed and done. */
        OK("2xx"),
        /** 400: allowed, but the body was refused by validation (used where success would change shared data). */
        INVALID("400"),
        /** 401: nobody is signed in. */
        UNAUTH("401"),
        /** 403: signed in, not allowed. */
        FORBID("403"),
        /** 404: the caller may not see the resource, so for them it does not exist. */
        HIDDEN("404"),
        /** 409: allowed, but the resource is not in a state for it (a retry in plan-only mode). */
        CONFLICT("409"),
        /** Pages: allowed; redirected to another page (post-redirect-get, or back with a message), not to the login page. */
        MOVED("3xx"),
        /** Pages: nobody is signed in, so the browser is sent to the login page. */
        LOGIN("login");

        final String label;

        Outcome(String label) {
            this.label = label;
        }

        boolean matches(int status) {
            return this == OK ? status >= 200 && status < 300 : Integer.toString(status).equals(label);
        }

        /** A page's answer: a redirect to the login page is LOGIN, any other redirect MOVED. */
        boolean matchesPage(int status, String location) {
            boolean redirect = status == 302 || status == 303;
            boolean toLogin = redirect && location != null && location.replaceFirst("^https?://[^/]+", "").startsWith("/login");
            return switch (this) {
                case LOGIN -> toLogin;
                case MOVED -> redirect && !toLogin;
                default -> matches(status);
            };
        }
    }

    enum Caller { ANON, OWNER, MATE, OTHER, STAGE, APPR, ADMIN, NOROLE }

    /** What the path variable names. */
    enum Target {
        NONE("-"), DRAFT("a draft of A"), SUBMITTED("a request of A waiting on X"),
        APPROVED("a request of A approved by X"), UNKNOWN("an id nobody has"), OWN_TOKEN("the caller's token"),
        OWNER_TOKEN("OWNER's token"), ACCOUNT("A's account"), TEMPLATE("a template"), RULE("a rule"),
        UNKNOWN_VPC("a VPC nobody has"), USER("a user of team A");

        final String label;

        Target(String label) {
            this.label = label;
        }
    }

    /** What is sent. */
    enum Body {
        NONE("-"), TOKEN("token name"), GLUE("request of the caller's team"), EMPTY("{}"), REASON("reason"),
        COMMENT("comment"), NEW_ACCOUNT("new account"), SAME_ACCOUNT("account unchanged"),
        UNKNOWN_REGION("template with an unknown region"), NEW_RULE("new disabled rule"), SAME_RULE("rule unchanged"),
        BAD_WEBHOOK("webhook with an ftp URL"), CHANGE("change of an endpoint's buckets"), ESTIMATE("an S3 gateway estimate"),
        COLLECT("yesterday"), FORM("empty form"), UPLOAD("empty file"),
        BAD_ORGANIZATION("source with a malformed OU id"), DRY_RUN("dry run");

        final String label;

        Body(String label) {
            this.label = label;
        }
    }

    record Row(String method, String path, Target target, Body body, Map<Caller, Outcome> expected) {

        String endpoint() {
            return method + " " + path;
        }
    }

    // @formatter:off
    static final List<Row> MATRIX = List.of(
        //   method    path                                      target, body, then ANON OWNER MATE OTHER STAGE APPR ADMIN NOROLE
        row("POST",   "/api/v1/tokens",                           Target.NONE, Body.TOKEN, UNAUTH, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/api/v1/tokens",                           Target.NONE, Body.NONE, UNAUTH, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("DELETE", "/api/v1/tokens/{id}",                      Target.OWN_TOKEN, Body.NONE, UNAUTH, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("DELETE", "/api/v1/tokens/{id}",                      Target.OWNER_TOKEN, Body.NONE, UNAUTH, OK,     HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),

        row("GET",    "/api/v1/requests",                         Target.NONE, Body.NONE, UNAUTH, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("POST",   "/api/v1/requests",                         Target.NONE, Body.GLUE, UNAUTH, OK,     OK,     OK,     FORBID, FORBID, OK,     FORBID),
        row("GET",    "/api/v1/requests/{id}",                    Target.DRAFT, Body.NONE, UNAUTH, OK,     OK,     HIDDEN, OK,     OK,     OK,     OK),
        row("PUT",    "/api/v1/requests/{id}",                    Target.DRAFT, Body.GLUE, UNAUTH, OK,     FORBID, HIDDEN, FORBID, FORBID, FORBID, FORBID),
        row("POST",   "/api/v1/requests/{id}/submit",             Target.DRAFT, Body.NONE, UNAUTH, OK,     FORBID, HIDDEN, FORBID, FORBID, FORBID, FORBID),
        row("POST",   "/api/v1/requests/{id}/cancel",             Target.DRAFT, Body.NONE, UNAUTH, OK,     FORBID, HIDDEN, FORBID, FORBID, FORBID, FORBID),
        // day-2: the team changes its active endpoints, the requester decommissions them (a draft is not active)
        row("POST",   "/api/v1/requests/{id}/changes",            Target.DRAFT, Body.CHANGE, UNAUTH, CONFLICT, CONFLICT, HIDDEN, FORBID, FORBID, FORBID, FORBID),
        row("GET",    "/api/v1/requests/{id}/changes",            Target.DRAFT, Body.NONE, UNAUTH, OK,     OK,     HIDDEN, OK,     OK,     OK,     OK),
        row("POST",   "/api/v1/requests/{id}/decommission",       Target.DRAFT, Body.REASON, UNAUTH, CONFLICT, FORBID, HIDDEN, FORBID, FORBID, FORBID, FORBID),

        row("GET",    "/api/v1/approvals",                        Target.NONE, Body.NONE, UNAUTH, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/api/v1/requests/{id}/approval",           Target.SUBMITTED, Body.NONE, UNAUTH, OK,     OK,     HIDDEN, OK,     OK,     OK,     OK),
        row("POST",   "/api/v1/requests/{id}/approve",            Target.SUBMITTED, Body.EMPTY, UNAUTH, FORBID, FORBID, HIDDEN, OK, FORBID, FORBID, FORBID),
        row("POST",   "/api/v1/requests/{id}/reject",             Target.SUBMITTED, Body.REASON, UNAUTH, FORBID, FORBID, HIDDEN, OK, FORBID, FORBID, FORBID),
        row("POST",   "/api/v1/requests/{id}/request-changes",    Target.SUBMITTED, Body.REASON, UNAUTH, FORBID, FORBID, HIDDEN, OK, FORBID, FORBID, FORBID),
        row("GET",    "/api/v1/requests/{id}/comments",           Target.DRAFT, Body.NONE, UNAUTH, OK,     OK,     HIDDEN, OK,     OK,     OK,     OK),
        row("POST",   "/api/v1/requests/{id}/comments",           Target.DRAFT, Body.COMMENT, UNAUTH, OK,     OK,     HIDDEN, OK,     OK,     OK,     OK),

        row("GET",    "/api/v1/accounts",                         Target.NONE, Body.NONE, UNAUTH, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/api/v1/accounts/{id}",                    Target.ACCOUNT, Body.NONE, UNAUTH, OK,     OK,     HIDDEN, HIDDEN, HIDDEN, OK,     OK),
        row("POST",   "/api/v1/accounts",                         Target.NONE, Body.NEW_ACCOUNT, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, OK,     FORBID),
        row("PUT",    "/api/v1/accounts/{id}",                    Target.ACCOUNT, Body.SAME_ACCOUNT, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, OK,     FORBID),

        row("GET",    "/api/v1/templates",                        Target.NONE, Body.NONE, UNAUTH, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/api/v1/templates/{key}",                  Target.TEMPLATE, Body.NONE, UNAUTH, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/api/v1/templates/{key}/versions",         Target.TEMPLATE, Body.NONE, UNAUTH, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("PUT",    "/api/v1/templates/{key}",                  Target.TEMPLATE, Body.UNKNOWN_REGION, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, INVALID, FORBID),

        row("GET",    "/api/v1/approval-rules",                   Target.NONE, Body.NONE, UNAUTH, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/api/v1/approval-rules/{key}",             Target.RULE, Body.NONE, UNAUTH, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/api/v1/approval-rules/{key}/versions",    Target.RULE, Body.NONE, UNAUTH, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("POST",   "/api/v1/approval-rules",                   Target.NONE, Body.NEW_RULE, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, OK,     FORBID),
        row("PUT",    "/api/v1/approval-rules/{key}",             Target.RULE, Body.SAME_RULE, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, OK,     FORBID),
        // provisioning: the shared test context is in plan-only mode, so a retry is a conflict even for admins
        row("GET",    "/api/v1/requests/{id}/plan",               Target.DRAFT, Body.NONE, UNAUTH, OK,     OK,     HIDDEN, OK,     OK,     OK,     OK),
        row("GET",    "/api/v1/requests/{id}/provisioning",       Target.APPROVED, Body.NONE, UNAUTH, OK,     OK,     HIDDEN, OK,     OK,     OK,     OK),
        row("POST",   "/api/v1/requests/{id}/provisioning/retry", Target.APPROVED, Body.NONE, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, CONFLICT, FORBID),
        // policies: open to everyone signed in; an empty body is refused by validation
        row("POST",   "/api/v1/policies/preview",                 Target.NONE, Body.EMPTY, UNAUTH, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID),
        row("POST",   "/api/v1/policies/validate",                Target.NONE, Body.EMPTY, UNAUTH, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID),
        row("POST",   "/api/v1/policies/simulate",                Target.NONE, Body.EMPTY, UNAUTH, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID),
        // audit and webhooks: admins only
        row("GET",    "/api/v1/audit",                            Target.NONE, Body.NONE, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, OK,     FORBID),
        row("GET",    "/api/v1/webhooks",                         Target.NONE, Body.NONE, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, OK,     FORBID),
        row("POST",   "/api/v1/webhooks",                         Target.NONE, Body.BAD_WEBHOOK, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, INVALID, FORBID),
        row("GET",    "/api/v1/webhooks/{id}",                    Target.UNKNOWN, Body.NONE, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, HIDDEN, FORBID),
        row("PUT",    "/api/v1/webhooks/{id}",                    Target.UNKNOWN, Body.BAD_WEBHOOK, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, HIDDEN, FORBID),
        row("DELETE", "/api/v1/webhooks/{id}",                    Target.UNKNOWN, Body.NONE, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, HIDDEN, FORBID),
        row("GET",    "/api/v1/webhooks/{id}/deliveries",         Target.UNKNOWN, Body.NONE, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, HIDDEN, FORBID),
        row("POST",   "/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry", Target.UNKNOWN, Body.NONE, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, HIDDEN, FORBID),
        // e-mail notifications: the mail log for admins; everyone's own address and kinds of mail ({} changes nothing)
        row("GET",    "/api/v1/notifications/mails",              Target.NONE, Body.NONE, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, OK,     FORBID),
        row("POST",   "/api/v1/notifications/mails/{deliveryId}/retry", Target.UNKNOWN, Body.NONE, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, HIDDEN, FORBID),
        row("GET",    "/api/v1/me/notification-preferences",      Target.NONE, Body.NONE, UNAUTH, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("PUT",    "/api/v1/me/notification-preferences",      Target.NONE, Body.EMPTY, UNAUTH, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        // inventory: everyone reads what their teams' accounts hold; syncs and accepting drift are for admins;
        // adopting (admins directly, the owning team through approval) and reconciling are for the owning team and
        // admins (an id nobody has: 404 for all) (a sync is a conflict in the plan-only test context); the run history for approvers and admins
        row("GET",    "/api/v1/endpoints",                        Target.NONE, Body.NONE, UNAUTH, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/api/v1/endpoints/{id}",                   Target.UNKNOWN, Body.NONE, UNAUTH, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
        row("POST",   "/api/v1/endpoints/{id}/adopt",             Target.UNKNOWN, Body.EMPTY, UNAUTH, HIDDEN, HIDDEN, HIDDEN, FORBID, FORBID, HIDDEN, FORBID),
        row("POST",   "/api/v1/endpoints/{id}/drift/accept",      Target.UNKNOWN, Body.REASON, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, HIDDEN, FORBID),
        row("POST",   "/api/v1/endpoints/{id}/drift/reconcile",   Target.UNKNOWN, Body.REASON, UNAUTH, HIDDEN, HIDDEN, HIDDEN, FORBID, FORBID, HIDDEN, FORBID),
        row("GET",    "/api/v1/vpcs/{vpcId}/coverage",            Target.UNKNOWN_VPC, Body.NONE, UNAUTH, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
        row("GET",    "/api/v1/vpcs/{vpcId}/diagram",             Target.UNKNOWN_VPC, Body.NONE, UNAUTH, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
        row("POST",   "/api/v1/sync",                             Target.NONE, Body.NONE, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, CONFLICT, FORBID),
        row("GET",    "/api/v1/sync/runs",                        Target.NONE, Body.NONE, UNAUTH, FORBID, FORBID, FORBID, OK,     OK,     OK,     FORBID),
        row("GET",    "/api/v1/sync/runs/{id}",                   Target.UNKNOWN, Body.NONE, UNAUTH, FORBID, FORBID, FORBID, HIDDEN, HIDDEN, HIDDEN, FORBID),
        row("POST",   "/api/v1/sync/runs/{id}/cancel",            Target.UNKNOWN, Body.NONE, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, HIDDEN, FORBID),
        // savings: estimates and the ledger for everyone signed in; collection by admins (plan-only mode: 409)
        row("POST",   "/api/v1/estimates",                        Target.NONE, Body.ESTIMATE, UNAUTH, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/api/v1/savings",                          Target.NONE, Body.NONE, UNAUTH, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("POST",   "/api/v1/savings/collect",                  Target.NONE, Body.COLLECT, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, CONFLICT, FORBID),
        // shared endpoint advice: everyone signed in, scoped to their VPCs; no region: 400 naming the parameter
        row("GET",    "/api/v1/advice/shared-endpoints",          Target.NONE, Body.NONE, UNAUTH, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID),
        // organization: admins only; this context has no organization source (404 to read, 409 to discover)
        row("GET",    "/api/v1/organization",                     Target.NONE, Body.NONE, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, HIDDEN, FORBID),
        row("PUT",    "/api/v1/organization",                     Target.NONE, Body.BAD_ORGANIZATION, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, INVALID, FORBID),
        row("POST",   "/api/v1/organization/discover",            Target.NONE, Body.DRY_RUN, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, CONFLICT, FORBID),
        row("GET",    "/api/v1/organization/runs",                Target.NONE, Body.NONE, UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, OK, FORBID),
        // shared endpoints: requesters ask ({} is refused by the rules); a request that is no hub is no shared endpoint
        row("POST",   "/api/v1/shared-endpoints",                 Target.NONE, Body.EMPTY, UNAUTH, INVALID, INVALID, INVALID, FORBID, FORBID, INVALID, FORBID),
        row("GET",    "/api/v1/shared-endpoints/{id}",            Target.DRAFT, Body.NONE, UNAUTH, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
        row("GET",    "/api/v1/shared-endpoints/{id}/drift",      Target.DRAFT, Body.NONE, UNAUTH, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN));
    // @formatter:on

    /**
     * The pages (everything but {@code /api/**} and Spring's {@code /error}): every route the portal maps, posted with
     * an empty form (and a valid CSRF token) so that nothing shared changes; the answer tells whether the caller got
     * through. A new page fails {@link #everyPageIsInTheMatrix()} until it gets a row here and in the doc.
     */
    // @formatter:off
    static final List<Row> PAGES = List.of(
        //   method    path                                          target, body, then ANON OWNER MATE OTHER STAGE APPR ADMIN NOROLE
        row("GET",    "/",                                           Target.NONE, Body.NONE, LOGIN, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/login",                                      Target.NONE, Body.NONE, OK,    OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/catalog",                                    Target.NONE, Body.NONE, LOGIN, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/catalog/{key}",                              Target.TEMPLATE, Body.NONE, LOGIN, OK,  OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/requests",                                   Target.NONE, Body.NONE, LOGIN, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/requests/account-options",                   Target.NONE, Body.NONE, LOGIN, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/requests/new",                               Target.NONE, Body.NONE, LOGIN, OK,     OK,     OK,     FORBID, FORBID, OK,     FORBID),
        row("POST",   "/requests/new",                               Target.NONE, Body.FORM, LOGIN, OK,     OK,     OK,     FORBID, FORBID, OK,     FORBID),
        row("GET",    "/requests/{id}",                              Target.DRAFT, Body.NONE, LOGIN, OK,    OK,     HIDDEN, OK,     OK,     OK,     OK),
        row("GET",    "/requests/{id}/edit",                         Target.DRAFT, Body.NONE, LOGIN, OK,    MOVED,  HIDDEN, FORBID, FORBID, MOVED,  FORBID),
        row("POST",   "/requests/{id}/edit",                         Target.DRAFT, Body.FORM, LOGIN, OK,    MOVED,  HIDDEN, FORBID, FORBID, MOVED,  FORBID),
        row("POST",   "/requests/{id}/submit",                       Target.DRAFT, Body.FORM, LOGIN, MOVED, MOVED,  HIDDEN, FORBID, FORBID, MOVED,  FORBID),
        row("POST",   "/requests/{id}/cancel",                       Target.DRAFT, Body.FORM, LOGIN, MOVED, MOVED,  HIDDEN, MOVED,  MOVED,  MOVED,  MOVED),
        row("GET",    "/requests/{id}/change",                       Target.DRAFT, Body.NONE, LOGIN, MOVED, MOVED,  HIDDEN, FORBID, FORBID, MOVED,  FORBID),
        row("POST",   "/requests/{id}/change",                       Target.DRAFT, Body.FORM, LOGIN, MOVED, MOVED,  HIDDEN, FORBID, FORBID, MOVED,  FORBID),
        row("POST",   "/requests/{id}/decommission",                 Target.DRAFT, Body.FORM, LOGIN, MOVED, MOVED,  HIDDEN, FORBID, FORBID, MOVED,  FORBID),
        row("GET",    "/requests/{id}/policies",                     Target.DRAFT, Body.NONE, LOGIN, OK,    OK,     HIDDEN, OK,     OK,     OK,     OK),
        row("POST",   "/requests/policy-preview",                    Target.NONE, Body.FORM, LOGIN, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("POST",   "/requests/{id}/comments",                     Target.DRAFT, Body.FORM, LOGIN, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID),
        row("GET",    "/approvals",                                  Target.NONE, Body.NONE, LOGIN, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/approvals/{id}",                             Target.SUBMITTED, Body.NONE, LOGIN, OK, OK,    HIDDEN, OK,     OK,     OK,     OK),
        row("GET",    "/approvals/{id}/panel",                       Target.SUBMITTED, Body.NONE, LOGIN, OK, OK,    HIDDEN, OK,     OK,     OK,     OK),
        row("POST",   "/approvals/{id}/decide",                      Target.SUBMITTED, Body.FORM, LOGIN, MOVED, MOVED, HIDDEN, MOVED, MOVED, MOVED, MOVED),
        row("GET",    "/diagrams/requests/{id}",                     Target.DRAFT, Body.NONE, LOGIN, OK,    OK,     HIDDEN, OK,     OK,     OK,     OK),
        row("GET",    "/diagrams/vpcs/{vpcId}",                      Target.UNKNOWN_VPC, Body.NONE, LOGIN, OK, OK, OK, OK, OK, OK, OK),
        row("GET",    "/diagrams/vpcs/{vpcId}/file",                 Target.UNKNOWN_VPC, Body.NONE, LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
        row("POST",   "/diagrams/preview",                           Target.NONE, Body.FORM, LOGIN, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/provisioning/{id}",                          Target.APPROVED, Body.NONE, LOGIN, OK,  OK,     HIDDEN, OK,     OK,     OK,     OK),
        row("GET",    "/provisioning/{id}/panel",                    Target.APPROVED, Body.NONE, LOGIN, OK,  OK,     HIDDEN, OK,     OK,     OK,     OK),
        row("GET",    "/provisioning/{id}/plan",                     Target.DRAFT, Body.NONE, LOGIN, OK,    OK,     HIDDEN, OK,     OK,     OK,     OK),
        row("POST",   "/provisioning/{id}/retry",                    Target.APPROVED, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, MOVED, FORBID),
        row("GET",    "/inventory",                                  Target.NONE, Body.NONE, LOGIN, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/inventory.csv",                              Target.NONE, Body.NONE, LOGIN, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/inventory/endpoints/{id}",                   Target.UNKNOWN, Body.NONE, LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
        row("GET",    "/inventory/vpcs/{vpcId}",                     Target.UNKNOWN_VPC, Body.NONE, LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
        row("POST",   "/inventory/endpoints/{id}/adopt",             Target.UNKNOWN, Body.FORM, LOGIN, HIDDEN, HIDDEN, HIDDEN, FORBID, FORBID, HIDDEN, FORBID),
        row("POST",   "/inventory/endpoints/{id}/accept",            Target.UNKNOWN, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, MOVED, FORBID),
        row("POST",   "/inventory/endpoints/{id}/reconcile",         Target.UNKNOWN, Body.FORM, LOGIN, HIDDEN, HIDDEN, HIDDEN, FORBID, FORBID, HIDDEN, FORBID),
        row("POST",   "/inventory/sync",                             Target.NONE, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, MOVED,  FORBID),
        row("GET",    "/inventory/sync/{runId}",                     Target.UNKNOWN, Body.NONE, LOGIN, FORBID, FORBID, FORBID, OK,    OK,     OK,     FORBID),
        row("POST",   "/inventory/sync/{runId}/cancel",              Target.UNKNOWN, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, MOVED, FORBID),
        row("GET",    "/savings",                                    Target.NONE, Body.NONE, LOGIN, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/savings.csv",                                Target.NONE, Body.NONE, LOGIN, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("POST",   "/savings/estimate-preview",                   Target.NONE, Body.FORM, LOGIN, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/savings/requests/{id}/estimate",             Target.DRAFT, Body.NONE, LOGIN, OK,    OK,     HIDDEN, OK,     OK,     OK,     OK),
        row("GET",    "/advice/shared-endpoints",                    Target.NONE, Body.NONE, LOGIN, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("GET",    "/tokens",                                     Target.NONE, Body.NONE, LOGIN, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("POST",   "/tokens",                                     Target.NONE, Body.FORM, LOGIN, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("POST",   "/tokens/{id}/revoke",                         Target.OWN_TOKEN, Body.FORM, LOGIN, MOVED, MOVED, MOVED, MOVED, MOVED, MOVED, MOVED),
        row("GET",    "/audit",                                      Target.NONE, Body.NONE, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("GET",    "/audit.csv",                                  Target.NONE, Body.NONE, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("GET",    "/accounts",                                   Target.NONE, Body.NONE, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("GET",    "/accounts/new",                               Target.NONE, Body.NONE, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("POST",   "/accounts/new",                               Target.NONE, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("GET",    "/admin/organization",                         Target.NONE, Body.NONE, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("POST",   "/admin/organization",                         Target.NONE, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("POST",   "/admin/organization/discover",                Target.NONE, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, INVALID, FORBID),
        row("GET",    "/accounts/{id}/edit",                         Target.ACCOUNT, Body.NONE, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK, FORBID),
        row("POST",   "/accounts/{id}/edit",                         Target.ACCOUNT, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK, FORBID),
        row("GET",    "/admin/users",                                Target.NONE, Body.NONE, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("GET",    "/admin/users/new",                            Target.NONE, Body.NONE, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("POST",   "/admin/users/new",                            Target.NONE, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("GET",    "/admin/users/{id}/edit",                      Target.USER, Body.NONE, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("POST",   "/admin/users/{id}/edit",                      Target.USER, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("GET",    "/shared-endpoints/new",                       Target.NONE, Body.NONE, LOGIN, OK,     OK,     OK,     FORBID, FORBID, OK,     FORBID),
        row("POST",   "/shared-endpoints/new",                       Target.NONE, Body.FORM, LOGIN, OK,     OK,     OK,     FORBID, FORBID, OK,     FORBID),
        row("POST",   "/admin/teams",                                Target.NONE, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, INVALID, FORBID),
        row("GET",    "/admin/templates/{key}/edit",                 Target.TEMPLATE, Body.NONE, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK, FORBID),
        row("POST",   "/admin/templates/{key}/edit",                 Target.TEMPLATE, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK, FORBID),
        row("GET",    "/admin/approval-rules",                       Target.NONE, Body.NONE, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("GET",    "/admin/approval-rules/new",                   Target.NONE, Body.NONE, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("POST",   "/admin/approval-rules/new",                   Target.NONE, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("GET",    "/admin/approval-rules/{key}/edit",            Target.RULE, Body.NONE, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("POST",   "/admin/approval-rules/{key}/edit",            Target.RULE, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("GET",    "/admin/webhooks",                             Target.NONE, Body.NONE, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("POST",   "/admin/webhooks",                             Target.NONE, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("POST",   "/admin/webhooks/{id}/enable",                 Target.UNKNOWN, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, HIDDEN, FORBID),
        row("POST",   "/admin/webhooks/{id}/disable",                Target.UNKNOWN, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, HIDDEN, FORBID),
        row("POST",   "/admin/webhooks/{id}/delete",                 Target.UNKNOWN, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, HIDDEN, FORBID),
        row("GET",    "/admin/webhooks/{id}/deliveries",             Target.UNKNOWN, Body.NONE, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, HIDDEN, FORBID),
        row("POST",   "/admin/webhooks/{id}/deliveries/{deliveryId}/retry", Target.UNKNOWN, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, HIDDEN, FORBID),
        row("POST",   "/admin/webhooks/mails/{deliveryId}/retry",    Target.UNKNOWN, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, HIDDEN, FORBID),
        row("GET",    "/me",                                         Target.NONE, Body.NONE, LOGIN, OK,     OK,     OK,     OK,     OK,     OK,     OK),
        row("POST",   "/me/notifications",                           Target.NONE, Body.FORM, LOGIN, MOVED,  MOVED,  MOVED,  MOVED,  MOVED,  MOVED,  MOVED),
        row("GET",    "/admin/prices",                               Target.NONE, Body.NONE, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, OK,   FORBID),
        row("POST",   "/admin/prices",                               Target.NONE, Body.UPLOAD, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, MOVED, FORBID),
        row("POST",   "/admin/prices/flow-logs",                     Target.NONE, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, INVALID, FORBID),
        row("POST",   "/admin/prices/reprice",                       Target.NONE, Body.FORM, LOGIN, FORBID, FORBID, FORBID, FORBID, FORBID, MOVED, FORBID));
    // @formatter:on

    /** A template the matrix reads, and sends an invalid edit for; never changed. */
    private static final String TEMPLATE = "kms";

    /** A well-formed VPC id the inventory has never seen. */
    private static final String UNKNOWN_VPC = "vpc-0000000000000000f";

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    AccountManagement accounts;

    @Autowired
    ApprovalRules rules;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    ApplicationContext context;

    PortalApi api;
    TestRules testRules;
    FreshTeam teamA;
    Map<Caller, String> usernames = new EnumMap<>(Caller.class);
    Map<Caller, FreshTeam> teams = new EnumMap<>(Caller.class);
    Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    String ruleKey;
    String sharedDraft;
    String sharedSubmitted;
    String sharedApproved;
    String throwawayUser;
    Map<Caller, PortalApi> browsers = new EnumMap<>(Caller.class);
    Map<Caller, String> csrfTokens = new EnumMap<>(Caller.class);

    @BeforeAll
    void aWorldOfTeamsAndCallers() {
        api = new PortalApi(port);
        TestIdentities identities = new TestIdentities(identity, accounts);
        testRules = new TestRules(rules);
        teamA = identities.team("eu-west-1");
        FreshTeam teamB = identities.team("eu-west-1");
        FreshTeam teamX = identities.team("eu-west-1");
        FreshTeam teamY = identities.team("eu-west-1");
        FreshTeam teamZ = identities.team("eu-west-1");
        caller(Caller.OWNER, teamA, identities.requester(teamA.id()));
        caller(Caller.MATE, teamA, identities.requester(teamA.id()));
        caller(Caller.OTHER, teamB, identities.requester(teamB.id()));
        caller(Caller.STAGE, teamX, identities.user(Set.of(Role.APPROVER), teamX.id()));
        caller(Caller.APPR, teamY, identities.user(Set.of(Role.APPROVER), teamY.id()));
        caller(Caller.ADMIN, teamZ, identities.user(Set.of(Role.ADMIN, Role.APPROVER, Role.REQUESTER), teamZ.id()));
        caller(Caller.NOROLE, teamA, identities.user(Set.of(), teamA.id()));
        throwawayUser = identity.findUserByUsername(identities.requester(teamA.id())).orElseThrow().id().toString();
        for (Caller caller : Caller.values()) {
            PortalApi browser = PortalApi.browser(port);
            if (caller != Caller.ANON) {
                PortalApi.Response login = browser.signIn(usernames.get(caller), TestIdentities.PASSWORD);
                assertThat(login.headers().firstValue("Location").orElse("")).as("%s", login).doesNotContain("error");
            }
            browsers.put(caller, browser);
            csrfTokens.put(caller, PortalApi.csrfOf(browser.page(caller == Caller.ANON ? "/login" : "/tokens")));
        }
        ruleKey = testRules.route(teamA.id(), TestRules.any(teamX.id()));
        sharedDraft = draft();
        sharedSubmitted = submitted();
        sharedApproved = submitted();
        Response approved = api.post("/api/v1/requests/" + sharedApproved + "/approve", tokens.get(Caller.STAGE), "{}");
        assertThat(approved.status()).as("approval of the shared approved request: %s", approved).isEqualTo(200);
    }

    @AfterAll
    void disableTheRule() {
        testRules.disableAll();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsTheMatrixSays() {
        return MATRIX.stream().flatMap(row -> Arrays.stream(Caller.values()).map(caller -> DynamicTest.dynamicTest(
                row.endpoint() + " [" + row.target().label + "] as " + caller + " -> " + row.expected().get(caller).label,
                () -> check(row, caller))));
    }

    @TestFactory
    Stream<DynamicTest> everyPageAnswersEveryCallerAsTheMatrixSays() {
        return PAGES.stream().flatMap(row -> Arrays.stream(Caller.values()).map(caller -> DynamicTest.dynamicTest(
                "page " + row.endpoint() + " [" + row.target().label + "] as " + caller + " -> "
                        + row.expected().get(caller).label, () -> checkPage(row, caller))));
    }

    @Test
    void everyPageIsInTheMatrix() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                for (String path : info.getPatternValues()) {
                    if (path.startsWith("/api/") || path.equals("/error") || path.startsWith("/v3/api-docs")
                            || path.startsWith("/swagger-ui")) {
                        continue; // the API has its own matrix; the error page and the API's description are Spring's
                    }
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    assertThat(methods).as("%s must name its HTTP methods", path).isNotEmpty();
                    methods.forEach(m -> mapped.add(m.name() + " " + path));
                }
            }
        }
        Set<String> listed = PAGES.stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));

        assertThat(mapped).as("the portal maps pages").hasSizeGreaterThan(40);
        assertThat(mapped).as("pages missing from the authorization matrix (add a row here and to "
                + "docs/authorization-matrix.md)").isSubsetOf(listed);
        assertThat(listed).as("page rows that name no page").isSubsetOf(mapped);
    }

    @Test
    void everyApiEndpointIsInTheMatrix() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String path : info.getPatternValues()) {
                    if (!path.startsWith("/api/")) {
                        continue;
                    }
                    assertThat(methods).as("%s must name its HTTP methods", path).isNotEmpty();
                    methods.forEach(m -> mapped.add(m.name() + " " + path));
                }
            }
        }
        Set<String> listed = MATRIX.stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));

        assertThat(mapped).as("the portal maps API endpoints").hasSizeGreaterThan(20);
        assertThat(mapped).as("endpoints missing from the authorization matrix (add a row here and to "
                + "docs/authorization-matrix.md)").isSubsetOf(listed);
        assertThat(listed).as("rows of the matrix that name no endpoint").isSubsetOf(mapped);
    }

    @Test
    void theDocumentedMatrixIsTheTestedOne() throws IOException {
        Path doc = Path.of("docs", "authorization-matrix.md");
        assertThat(doc).as("run the tests from the project directory").exists();
        List<String> documented = Files.readAllLines(doc).stream()
                .filter(l -> l.startsWith("| `"))
                .map(l -> Arrays.stream(l.split("\\|")).map(String::strip).filter(c -> !c.isEmpty())
                        .collect(Collectors.joining(" | ")))
                .toList();
        List<String> tested = Stream.concat(MATRIX.stream(), PAGES.stream()).map(r -> "`" + r.method() + "` | `" + r.path() + "` | " + r.target().label
                        + " | " + r.body().label + " | " + Arrays.stream(Caller.values())
                        .map(c -> r.expected().get(c).label).collect(Collectors.joining(" | ")))
                .toList();

        assertThat(documented).containsExactlyElementsOf(tested);
    }

    @Test
    void anUnknownTokenIsRefusedByEveryEndpoint() {
        String forged = "vpcp_" + "A".repeat(43);
        List<String> answered = new ArrayList<>();
        for (Row row : MATRIX) {
            String path = row.path().replace("{id}", sharedDraft).replace("{key}", TEMPLATE)
                    .replace("{deliveryId}", "987654321").replace("{vpcId}", UNKNOWN_VPC);
            Response response = send(row.method(), path, forged, row.body() == Body.NONE ? null : "{}");
            Problems.assertProblem(response, 401);
            answered.add(row.endpoint());
        }
        assertThat(answered).hasSize(MATRIX.size());
    }

    private void check(Row row, Caller caller) {
        String target = target(row, caller);
        String path = row.path().replace("{id}", target).replace("{key}", target)
                .replace("{deliveryId}", "987654321").replace("{vpcId}", target);
        Response response = send(row.method(), path, tokens.get(caller), body(row.body(), caller));
        Outcome expected = row.expected().get(caller);

        assertThat(expected.matches(response.status())).as("%s %s as %s: expected %s, got %s", row.method(), path,
                caller, expected.label, response).isTrue();
        if (expected != OK) {
            Problems.assertProblemBody(response);
        }
    }

    private void checkPage(Row row, Caller caller) {
        String target = target(row, caller);
        String path = row.path().replace("{id}", target).replace("{key}", target).replace("{runId}", target)
                .replace("{deliveryId}", "987654321").replace("{vpcId}", target);
        PortalApi browser = browsers.get(caller);
        PortalApi.Response reply = row.method().equals("GET") ? browser.page(path)
                : row.body() == Body.UPLOAD ? browser.postEmptyUpload(path, csrfTokens.get(caller), "file")
                : browser.postForm(path, csrfTokens.get(caller), Map.of());
        Outcome expected = row.expected().get(caller);
        String location = reply.headers().firstValue("Location").orElse(null);

        assertThat(expected.matchesPage(reply.status(), location)).as("page %s %s as %s: expected %s, got %s %s",
                row.method(), path, caller, expected.label, reply.status(), location == null ? "" : location).isTrue();
    }

    /** A path variable: fresh for calls that change things, shared for reads. */
    private String target(Row row, Caller caller) {
        boolean read = row.method().equals("GET");
        return switch (row.target()) {
            case NONE -> "";
            case DRAFT -> read ? sharedDraft : draft();
            case SUBMITTED -> read ? sharedSubmitted : submitted();
            case APPROVED -> sharedApproved;
            case UNKNOWN -> java.util.UUID.randomUUID().toString();
            case OWN_TOKEN -> tokenIdOf(caller == Caller.ANON ? Caller.OWNER : caller);
            case OWNER_TOKEN -> tokenIdOf(Caller.OWNER);
            case ACCOUNT -> teamA.accountId();
            case TEMPLATE -> TEMPLATE;
            case RULE -> ruleKey;
            case UNKNOWN_VPC -> UNKNOWN_VPC;
            case USER -> throwawayUser;
        };
    }

    private String body(Body body, Caller caller) {
        FreshTeam team = teams.getOrDefault(caller, teamA);
        return switch (body) {
            case NONE -> null;
            case TOKEN -> PortalApi.object().put("name", "matrix").toString();
            case GLUE -> RequestBodies.glue(team.id(), team.accountId(), "eu-west-1").toString();
            case EMPTY -> "{}";
            case REASON -> PortalApi.object().put("reason", "the matrix says so").toString();
            case COMMENT -> PortalApi.object().put("body", "a comment from " + caller).toString();
            case NEW_ACCOUNT -> account("9" + String.format("%011d",
                    ThreadLocalRandom.current().nextLong(100_000_000_000L)), "matrix " + caller,
                    team.id()).toString();
            case SAME_ACCOUNT -> sameAccount().toString();
            case UNKNOWN_REGION -> """
                    {"name":"AWS KMS","description":"never saved","category":"Security","regions":["xx-nowhere-1"],
                     "defaultPolicy":"organization","retired":false,
                     "fields":[{"name":"subnetIds","label":"Subnets","required":true}]}""";
            case NEW_RULE -> rule("matrix-" + Long.toString(System.nanoTime(), 36), false).toString();
            case SAME_RULE -> rule(null, true).toString();
            case CHANGE -> """
                    {"bucketNames":["matrix-reports"],"justification":"the matrix asks for a change"}""";
            case ESTIMATE -> "{\"region\":\"eu-west-1\",\"endpointType\":\"Gateway\",\"monthlyGb\":6000}";
            case COLLECT -> "{\"from\":\"" + java.time.LocalDate.now().minusDays(1) + "\",\"to\":\""
                    + java.time.LocalDate.now().minusDays(1) + "\"}";
            case FORM, UPLOAD -> "";
            case BAD_ORGANIZATION -> """
                    {"roleArn":"arn:aws:iam::123456789012:role/discovery","includeOus":["ou-nope"],
                     "memberRolePattern":"arn:aws:iam::{accountId}:role/vpc-endpoint-portal","regions":["eu-west-1"],
                     "environment":"NON_PRODUCTION"}""";
            case DRY_RUN -> "{\"dryRun\":true}";
            case BAD_WEBHOOK -> """
                    {"name":"matrix","url":"ftp://example.invalid/hook","eventTypes":["request.submitted"],"enabled":false}""";
        };
    }

    private ObjectNode account(String id, String name, String team) {
        ObjectNode account = PortalApi.object().put("id", id).put("name", name).put("environment", "NON_PRODUCTION");
        account.putArray("regions").add("eu-west-1");
        account.putArray("teams").add(team);
        return account;
    }

    private ObjectNode sameAccount() {
        AccountDetails a = accounts.find(teamA.accountId()).orElseThrow();
        ObjectNode account = PortalApi.object().put("name", a.name()).put("environment", a.environment().name());
        a.regions().forEach(account.putArray("regions")::add);
        a.teams().forEach(account.putArray("teams")::add);
        return account;
    }

    /** A rule that sends team A's requests to team X, as the one this class works with. */
    private ObjectNode rule(String key, boolean enabled) {
        var current = rules.get(ruleKey);
        ObjectNode rule = PortalApi.object().put("name", current.name()).put("priority", current.priority())
                .put("enabled", enabled);
        if (key != null) {
            rule.put("key", key);
        }
        rule.putArray("teams").add(teamA.id());
        rule.putArray("stages").addObject().put("approverTeam", current.stages().get(0).approverTeam().value())
                .put("mode", "ANY");
        return rule;
    }

    private String draft() {
        Response created = api.post("/api/v1/requests", tokens.get(Caller.OWNER),
                RequestBodies.glue(teamA.id(), teamA.accountId(), "eu-west-1").toString());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String submitted() {
        String id = draft();
        Response submitted = api.post("/api/v1/requests/" + id + "/submit", tokens.get(Caller.OWNER), "");
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(200);
        assertThat(api.get("/api/v1/requests/" + id + "/approval", tokens.get(Caller.OWNER)).json()
                .get("stages").get(0).get("approverTeam").asString()).isEqualTo(teams.get(Caller.STAGE).id());
        return id;
    }

    private String tokenIdOf(Caller caller) {
        var owner = identity.findUserByUsername(usernames.get(caller)).orElseThrow().id();
        return apiTokens.create(owner, "to revoke", Instant.now().plus(1, ChronoUnit.DAYS)).summary().id().toString();
    }

    private void caller(Caller caller, FreshTeam team, String username) {
        usernames.put(caller, username);
        teams.put(caller, team);
        tokens.put(caller, api.tokenOf(username, TestIdentities.PASSWORD));
    }

    private Response send(String method, String path, String token, String body) {
        HttpRequest.Builder request = api.authorized(path, token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return api.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Row row(String method, String path, Target target, Body body, Outcome... expected) {
        assertThat(expected).as("one outcome per caller: %s", List.of(Caller.values())).hasSize(Caller.values().length);
        Map<Caller, Outcome> byCaller = new EnumMap<>(Caller.class);
        for (Caller c : Caller.values()) {
            byCaller.put(c, expected[c.ordinal()]);
        }
        return new Row(method, path, target, body, byCaller);
    }
}
