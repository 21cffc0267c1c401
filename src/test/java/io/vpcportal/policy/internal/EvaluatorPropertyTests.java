package io.vpcportal.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instancio.Select.field;

import io.vpcportal.policy.AccessCheck;
import io.vpcportal.policy.AccessDecision;
import io.vpcportal.policy.NetworkPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.instancio.Instancio;
import org.instancio.settings.Keys;
import org.instancio.settings.Settings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Laws of policy evaluation, checked on random endpoint and bucket policies built by Instancio (fixed seed) from
 * a vocabulary of principals, actions, resources and conditions, and on random requests through every network
 * path: an applicable explicit Deny always wins; adding an Allow statement never removes an access; removing a
 * Deny statement never removes an access.
 */
class EvaluatorPropertyTests {

    private static final long SEED = 4_242L;
    private static final int CASES = 2_000;

    private static final List<String> POLICY_PRINCIPALS = List.of("*", "AWS:*", "AWS:111111111111",
            "AWS:arn:aws:iam::111111111111:role/app", "AWS:arn:aws:iam::222222222222:root", "Service:ssm.amazonaws.com");
    private static final List<String> ACTIONS = List.of("*", "s3:*", "s3:Get*", "s3:GetObject", "s3:PutObject",
            "s3:?utObject", "sqs:SendMessage", "s3:List*");
    private static final List<String> RESOURCES = List.of("*", "arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket",
            "arn:aws:s3:::other/*", "arn:aws:s3:::b*", "arn:aws:sqs:us-east-1:111111111111:queue");
    /** Condition key, the operators that suit it, and values to pick from. */
    private static final List<List<List<String>>> CONDITIONS = List.of(
            List.of(List.of("aws:SourceVpce"), List.of("StringEquals", "StringNotEquals", "StringEqualsIfExists",
                    "StringNotEqualsIfExists", "StringLike"), List.of("vpce-0a1b2c3d4e5f60718", "vpce-0therendpoint0000", "vpce-*")),
            List.of(List.of("aws:PrincipalArn"), List.of("ArnLike", "ArnNotLike", "ArnEquals", "ArnNotLikeIfExists"),
                    List.of("arn:aws:iam::111111111111:role/app", "arn:aws:iam::*:role/app", "arn:aws:iam::111111111111:role/*")),
            List.of(List.of("aws:PrincipalIsAWSService", "aws:ViaAWSService", "aws:SecureTransport"),
                    List.of("Bool", "BoolIfExists"), List.of("true", "false")),
            List.of(List.of("aws:SourceIp"), List.of("IpAddress", "NotIpAddress", "NotIpAddressIfExists"),
                    List.of("203.0.113.0/24", "10.0.0.0/8", "0.0.0.0/0")),
            List.of(List.of("aws:PrincipalOrgID", "aws:ResourceOrgID", "aws:VpceOrgID"),
                    List.of("StringEquals", "StringNotEquals", "ForAnyValue:StringEquals", "ForAllValues:StringEquals"),
                    List.of("o-exampleorgid", "o-otherorgid00")),
            List.of(List.of("aws:TokenIssueTime", "aws:SourceVpc"), List.of("Null"), List.of("true", "false")),
            List.of(List.of("aws:CurrentTime"), List.of("DateLessThan", "DateGreaterThan"),
                    List.of("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z")));
    private static final List<String> CALLERS = List.of("arn:aws:iam::111111111111:role/app",
            "arn:aws:iam::111111111111:role/admin", "arn:aws:iam::222222222222:role/partner", "*", "ssm.amazonaws.com");
    private static final List<String> REQUEST_ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:ListBucket",
            "sqs:SendMessage");
    private static final List<String> REQUEST_RESOURCES = List.of("arn:aws:s3:::bucket/key", "arn:aws:s3:::bucket",
            "arn:aws:s3:::other/key", "arn:aws:sqs:us-east-1:111111111111:queue");

    record GenCondition(int family, int key, int operator, List<Integer> values) {
    }

    record GenStatement(boolean allow, int principal, List<Integer> actions, boolean notAction, List<Integer> resources,
            List<GenCondition> conditions) {
    }

    record GenCase(List<GenStatement> endpoint, List<GenStatement> bucket, GenStatement extra, boolean extraOnBucket,
            int removed, int caller, int action, int resource, int path) {
    }

    private static final List<GenCase> GENERATED = generate();

    static List<GenCase> cases() {
        return GENERATED;
    }

    private static List<GenCase> generate() {
        Settings settings = Settings.create().set(Keys.COLLECTION_MIN_SIZE, 1).set(Keys.COLLECTION_MAX_SIZE, 3);
        return Instancio.of(GenCase.class).withSeed(SEED).withSettings(settings)
                .generate(field(GenStatement.class, "conditions"), gen -> gen.collection().minSize(0).maxSize(2))
                .generate(field(GenCase.class, "endpoint"), gen -> gen.collection().minSize(1).maxSize(4))
                .generate(field(GenCase.class, "bucket"), gen -> gen.collection().minSize(1).maxSize(4))
                .stream().limit(CASES).toList();
    }

    @Test
    void anApplicableDenyAlwaysWins() {
        int applicable = 0;
        for (GenCase c : cases()) {
            ObjectNode deny = statement(c.extra(), false, "Extra");
            AccessCheck check = check(c);
            String alone = c.extraOnBucket() ? null : policy(List.of(deny));
            String aloneBucket = c.extraOnBucket() ? policy(List.of(deny)) : null;
            AccessDecision byItself = decide(alone, aloneBucket, check);
            if (byItself.allowed() || !"Extra".equals(byItself.statement())) {
                continue; // the Deny does not apply to this request
            }
            applicable++;
            List<ObjectNode> endpoint = statements(c.endpoint(), "E");
            List<ObjectNode> bucket = statements(c.bucket(), "B");
            (c.extraOnBucket() ? bucket : endpoint).add(deny);
            AccessDecision decision = decide(policy(endpoint), policy(bucket), check);
            assertThat(decision.allowed()).as("%s with %s and %s", check, policy(endpoint), policy(bucket)).isFalse();
            assertThat(decision.statement()).isNotNull();
        }
        assertThat(applicable).as("enough cases where the Deny applies").isGreaterThan(CASES / 25);
    }

    @Test
    void addingAnAllowNeverRemovesAnAccess() {
        int allowedBefore = 0;
        for (GenCase c : cases()) {
            AccessCheck check = check(c);
            List<ObjectNode> endpoint = statements(c.endpoint(), "E");
            List<ObjectNode> bucket = statements(c.bucket(), "B");
            AccessDecision before = decide(policy(endpoint), policy(bucket), check);
            (c.extraOnBucket() ? bucket : endpoint).add(statement(c.extra(), true, "Extra"));
            AccessDecision after = decide(policy(endpoint), policy(bucket), check);
            if (before.allowed()) {
                allowedBefore++;
                assertThat(after.allowed()).as("%s with %s and %s", check, policy(endpoint), policy(bucket)).isTrue();
            }
        }
        assertThat(allowedBefore).as("enough allowed requests").isGreaterThan(CASES / 10);
    }

    @Test
    void removingADenyNeverRemovesAnAccess() {
        int checked = 0;
        for (GenCase c : cases()) {
            AccessCheck check = check(c);
            List<ObjectNode> endpoint = statements(c.endpoint(), "E");
            List<ObjectNode> bucket = statements(c.bucket(), "B");
            List<ObjectNode> target = c.extraOnBucket() ? bucket : endpoint;
            int index = Math.floorMod(c.removed(), target.size());
            if (!"Deny".equals(target.get(index).get("Effect").stringValue()) || target.size() == 1) {
                continue;
            }
            AccessDecision before = decide(policy(endpoint), policy(bucket), check);
            target.remove(index);
            AccessDecision after = decide(policy(endpoint), policy(bucket), check);
            checked++;
            if (before.allowed()) {
                assertThat(after.allowed()).as("%s with %s and %s", check, policy(endpoint), policy(bucket)).isTrue();
            }
        }
        assertThat(checked).as("enough removals").isGreaterThan(CASES / 10);
    }

    private static AccessDecision decide(String endpointPolicy, String bucketPolicy, AccessCheck check) {
        PolicyDocument endpoint = endpointPolicy == null ? null : Policies.document(endpointPolicy);
        PolicyDocument bucket = bucketPolicy == null ? null : Policies.document(bucketPolicy);
        SimulationContext context = new SimulationContext("111111111111", "o-exampleorgid", Set.of(),
                "vpc-0a1b2c3d4e5f60718", "vpce-0a1b2c3d4e5f60718", Instant.parse("2025-06-01T00:00:00Z"));
        return new AccessSimulator(context, endpoint, b -> bucket).decide(check);
    }

    private static AccessCheck check(GenCase c) {
        return new AccessCheck(pick(CALLERS, c.caller()), pick(REQUEST_ACTIONS, c.action()),
                pick(REQUEST_RESOURCES, c.resource()), NetworkPath.values()[Math.floorMod(c.path(), 3)]);
    }

    private static List<ObjectNode> statements(List<GenStatement> generated, String prefix) {
        List<ObjectNode> statements = new ArrayList<>();
        for (int i = 0; i < generated.size(); i++) {
            statements.add(statement(generated.get(i), generated.get(i).allow(), prefix + i));
        }
        return statements;
    }

    private static ObjectNode statement(GenStatement g, boolean allow, String sid) {
        ObjectNode s = CanonicalJson.object();
        s.put("Sid", sid);
        s.put("Effect", allow ? "Allow" : "Deny");
        String principal = pick(POLICY_PRINCIPALS, g.principal());
        if (principal.equals("*")) {
            s.put("Principal", "*");
        } else {
            s.putObject("Principal").put(principal.substring(0, principal.indexOf(':')),
                    principal.substring(principal.indexOf(':') + 1));
        }
        ArrayNode actions = s.putArray(g.notAction() ? "NotAction" : "Action");
        g.actions().forEach(a -> actions.add(pick(ACTIONS, a)));
        ArrayNode resources = s.putArray("Resource");
        g.resources().forEach(r -> resources.add(pick(RESOURCES, r)));
        if (!g.conditions().isEmpty()) {
            ObjectNode condition = s.putObject("Condition");
            for (GenCondition c : g.conditions()) {
                List<List<String>> family = CONDITIONS.get(Math.floorMod(c.family(), CONDITIONS.size()));
                String operator = pick(family.get(1), c.operator());
                ObjectNode block = condition.has(operator) ? (ObjectNode) condition.get(operator) : condition.putObject(operator);
                ArrayNode values = block.putArray(pick(family.get(0), c.key()));
                c.values().forEach(v -> values.add(pick(family.get(2), v)));
            }
        }
        return s;
    }

    private static String policy(List<ObjectNode> statements) {
        ObjectNode policy = CanonicalJson.object();
        policy.put("Version", "2012-10-17");
        ArrayNode list = policy.putArray("Statement");
        statements.forEach(list::add);
        return CanonicalJson.write(policy);
    }

    private static String pick(List<String> values, int index) {
        return values.get(Math.floorMod(index, values.size()));
    }
}
