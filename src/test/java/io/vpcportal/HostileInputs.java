package io.vpcportal;

import io.vpcportal.approval.RequestBodies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.instancio.Instancio;
import org.instancio.settings.Keys;
import org.instancio.settings.StringType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cases of {@link HostileInputTests}: for every API operation that reads a body, its valid body changed in one
 * place by a seeded generator, plus malformed bodies, wrong content types and bad ids. The same seed gives the same
 * cases, so a failure is reproducible by its index and description.
 */
final class HostileInputs {

    static final long SEED = 20_261_126L;
    /** Random mutations of each operation's body. */
    static final int MUTATIONS_PER_OPERATION = 75;
    /** Stands for a 1 MB string in a case, expanded when the case is sent, so that the cases stay small. */
    static final String ONE_MEGABYTE = "@@ONE_MEGABYTE@@";
    /** Stands for JSON arrays nested this deep (Jackson refuses to write them as a tree). */
    static final String NESTED = "@@NESTED_%d@@";

    private HostileInputs() {
    }

    /** Where a path's {@code {id}} points; a literal is sent as it is. */
    enum Target {
        NONE(null), DRAFT(null), DRAFT_TO_CANCEL(null), DRAFT_TO_REVISE(null), SUBMITTED_TO_APPROVE(null),
        SUBMITTED_TO_REJECT(null), SUBMITTED_TO_SEND_BACK(null), OTHER_TEAMS_REQUEST(null), ACCOUNT(null),
        OTHER_ACCOUNT(null), RANDOM_UUID(null),
        NOT_A_UUID("not-a-uuid"), SQL("1' OR '1'='1"), SCRIPT("<script>alert(1)</script>"), NUL("a\u0000b"),
        TRAVERSAL("../../etc/passwd"), HUGE_ID("9".repeat(5000)), UNICODE_ID("\u0661\u0662\u0663\u0664"),
        TEMPLATE_NOBODY_HAS("fuzz-no-such-template"), RULE_NOBODY_HAS("fuzz-no-such-rule"),
        WEBHOOK_NOBODY_HAS("00000000-0000-0000-0000-000000000000");

        private final String literal;

        Target(String literal) {
            this.literal = literal;
        }

        String literal() {
            return literal;
        }
    }

    /** One HTTP exchange to try; {@code mustFail}: anything but a 4xx is a bug. */
    record Case(String description, String method, String path, Target target, String query, String caller,
            byte[] body, String contentType, String accept, boolean mustFail) {

        @Override
        public String toString() {
            return method + " " + path.replace("{id}", "{" + target + "}") + (query == null ? "" : "?" + query)
                    + " as " + caller + ": " + description;
        }
    }

    /** An operation with a body, who may call it, and where its id points. */
    record Operation(String method, String path, Target target, String caller, Supplier<ObjectNode> validBody) {
    }

    static List<Operation> operations() {
        return List.of(
                new Operation("POST", "/api/v1/requests", Target.NONE, "requester", HostileInputs::glue),
                new Operation("PUT", "/api/v1/requests/{id}", Target.DRAFT_TO_REVISE, "requester", HostileInputs::glue),
                new Operation("POST", "/api/v1/requests/{id}/changes", Target.DRAFT, "requester", () -> parse("""
                        {"position":0,"routeTableIds":["rtb-0a1b2c3d4e5f60718"],"subnetIds":["subnet-0a1b2c3d4e5f60718"],
                         "securityGroupIds":["sg-0a1b2c3d"],"privateDns":true,"policyChoice":"s3-buckets",
                         "bucketNames":["payments-exports"],"tableNames":["orders"],"customPolicy":null,
                         "justification":"The archive job writes there too"}""")),
                new Operation("POST", "/api/v1/requests/{id}/decommission", Target.DRAFT, "requester",
                        () -> parse("{\"reason\":\"moved to another VPC\"}")),
                new Operation("POST", "/api/v1/requests/{id}/cancel", Target.DRAFT_TO_CANCEL, "requester",
                        () -> parse("{\"reason\":\"not needed\"}")),
                new Operation("POST", "/api/v1/requests/{id}/approve", Target.SUBMITTED_TO_APPROVE, "net-approver",
                        () -> parse("{\"comment\":\"fine\"}")),
                new Operation("POST", "/api/v1/requests/{id}/reject", Target.SUBMITTED_TO_REJECT, "net-approver",
                        () -> parse("{\"reason\":\"too broad\"}")),
                new Operation("POST", "/api/v1/requests/{id}/request-changes", Target.SUBMITTED_TO_SEND_BACK,
                        "net-approver", () -> parse("{\"reason\":\"name the buckets\"}")),
                new Operation("POST", "/api/v1/requests/{id}/comments", Target.DRAFT, "requester",
                        () -> parse("{\"body\":\"a question\"}")),
                new Operation("POST", "/api/v1/policies/preview", Target.NONE, "requester", () -> parse("""
                        {"region":"us-east-1","serviceName":"com.amazonaws.us-east-1.s3","endpointType":"Gateway",
                         "policyChoice":"s3-buckets","bucketNames":["uploads-bucket"],"tableNames":[],
                         "customPolicy":null,"accountId":"111111111111","vpcId":"vpc-0a1b2c3d4e5f60718",
                         "endpointIds":["vpce-0a1b2c3d4e5f60718"],"bucketRestriction":"SOURCE_VPCE",
                         "enforcement":"ENFORCE","currentEndpointPolicy":null,
                         "currentBucketPolicies":{"uploads-bucket":"{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[]}"},
                         "expectedAccesses":[{"principal":"arn:aws:iam::111111111111:role/app","action":"s3:PutObject",
                           "resource":"arn:aws:s3:::uploads-bucket/x","path":"THIS_ENDPOINT","expectAllowed":true,
                           "resourceAccount":"111111111111"}]}""")),
                new Operation("POST", "/api/v1/policies/validate", Target.NONE, "requester", () -> parse("""
                        {"document":"{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"s3:GetObject\\",\\"Resource\\":\\"arn:aws:s3:::b/*\\"}]}",
                         "kind":"ENDPOINT","serviceName":"com.amazonaws.us-east-1.s3","endpointType":"Gateway",
                         "region":"us-east-1","accountId":"111111111111","bucketName":"b"}""")),
                new Operation("POST", "/api/v1/policies/simulate", Target.NONE, "requester", () -> parse("""
                        {"endpointPolicy":"{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"s3:*\\",\\"Resource\\":\\"*\\"}]}",
                         "bucketPolicy":null,"accountId":"111111111111","organizationAccountIds":["111111111111"],
                         "vpcId":"vpc-0a1b2c3d4e5f60718","endpointId":"vpce-0a1b2c3d4e5f60718",
                         "matrix":[{"principal":"arn:aws:iam::111111111111:role/app","action":"s3:PutObject",
                           "resource":"arn:aws:s3:::uploads-bucket/x","path":"THIS_ENDPOINT","expectAllowed":true}]}""")),
                new Operation("POST", "/api/v1/accounts", Target.NONE, "admin", () -> parse("""
                        {"id":"922222222222","name":"fuzzed account","roleArn":"arn:aws:iam::922222222222:role/vpc-endpoint-portal",
                         "externalId":"fuzz-external-id","environment":"NON_PRODUCTION","regions":["eu-west-1"],
                         "teams":[],"organizationId":"o-exampleorgid",
                         "breakGlassPrincipalArns":["arn:aws:iam::922222222222:role/break-glass"]}""")),
                new Operation("PUT", "/api/v1/accounts/{id}", Target.ACCOUNT, "admin", () -> parse("""
                        {"name":"fuzzed account","roleArn":null,"externalId":null,"environment":"NON_PRODUCTION",
                         "regions":["eu-west-1","us-east-1"],"teams":[],"organizationId":null,"breakGlassPrincipalArns":[]}""")),
                new Operation("PUT", "/api/v1/templates/{id}", Target.TEMPLATE_NOBODY_HAS, "admin", () -> parse("""
                        {"name":"Fuzz","description":"a template nobody has","category":"Security",
                         "regions":["us-east-1"],"defaultPolicy":"organization","retired":false,
                         "fields":[{"name":"subnetIds","label":"Subnets","required":true,"defaultValue":null,"help":"h"}]}""")),
                new Operation("POST", "/api/v1/approval-rules", Target.NONE, "admin", HostileInputs::rule),
                new Operation("PUT", "/api/v1/approval-rules/{id}", Target.RULE_NOBODY_HAS, "admin", HostileInputs::rule),
                new Operation("POST", "/api/v1/webhooks", Target.NONE, "admin", () -> parse("""
                        {"name":"fuzz","url":"https://hooks.example.invalid/a","eventTypes":["request.failed"],
                         "enabled":false,"secret":null}""")),
                new Operation("PUT", "/api/v1/webhooks/{id}", Target.WEBHOOK_NOBODY_HAS, "admin", () -> parse("""
                        {"name":"fuzz","url":"https://hooks.example.invalid/a","eventTypes":["request.failed"],
                         "enabled":false}""")),
                new Operation("POST", "/api/v1/tokens", Target.NONE, "basic",
                        () -> parse("{\"name\":\"fuzz\",\"expiresInDays\":1}")));
    }

    static Stream<Case> cases() {
        Random random = new Random(SEED);
        List<String> texts = hostileTexts();
        List<Case> cases = new ArrayList<>();
        for (Operation op : operations()) {
            ObjectNode valid = op.validBody().get();
            List<String> paths = new ArrayList<>();
            collectPaths(valid, "", paths);
            for (int n = 0; n < MUTATIONS_PER_OPERATION; n++) {
                cases.add(mutation(op, valid, paths, texts, random));
            }
            malformed(op, valid, cases);
            for (Target bad : new Target[] {Target.RANDOM_UUID, Target.NOT_A_UUID, Target.SQL, Target.SCRIPT,
                    Target.NUL, Target.TRAVERSAL, Target.HUGE_ID, Target.UNICODE_ID, Target.OTHER_TEAMS_REQUEST}) {
                if (op.target() != Target.NONE) {
                    cases.add(new Case("id " + bad, op.method(), op.path(), bad, null, op.caller(),
                            bytes(valid.toString()), "application/json", "application/json", true));
                }
            }
            if (op.target() == Target.ACCOUNT) {
                cases.add(new Case("another team's account", op.method(), op.path(), Target.OTHER_ACCOUNT, null,
                        op.caller(), bytes(valid.toString().replace("eu-west-1\",", "mars-north-1\",")),
                        "application/json", "application/json", true));
            }
        }
        cases.addAll(regionMismatches());
        cases.addAll(queries(random, texts));
        return cases.stream();
    }

    private static Case mutation(Operation op, ObjectNode valid, List<String> paths, List<String> texts, Random random) {
        ObjectNode body = valid.deepCopy();
        String path = paths.get(random.nextInt(paths.size()));
        int kind = random.nextInt(10);
        String description;
        boolean mustFail;
        if (kind < 4) {
            JsonNode value = wrongType(random);
            JsonNode original = valueAt(body, path);
            description = path + " := " + value;
            replace(body, path, value);
            // a number for a number or a boolean for a boolean may well be valid
            mustFail = !isNullable(value) && !isArrayElement(path) && value.getNodeType() != original.getNodeType();
        } else if (kind < 8) {
            String text = texts.get(random.nextInt(texts.size()));
            description = path + " := hostile text " + describe(text);
            replace(body, path, JsonNodeFactory.instance.stringNode(text));
            // NUL cannot be stored; the policy operations store nothing, so they may judge such text
            mustFail = text.equals(ONE_MEGABYTE) || text.indexOf('\u0000') >= 0 && !op.path().startsWith("/api/v1/policies");
        } else if (kind == 8) {
            String unknown = texts.get(random.nextInt(texts.size()));
            unknown = unknown.isEmpty() ? "unknownProperty" : unknown.substring(0, Math.min(unknown.length(), 200));
            JsonNode container = containerOf(body, path);
            if (container instanceof ObjectNode object && !object.has(unknown)) {
                object.put(unknown, "x");
                description = "unknown property " + describe(unknown) + " beside " + path;
                mustFail = true;
            } else {
                body.put("unknownProperty", true);
                description = "unknown property at the top";
                mustFail = true;
            }
        } else {
            int depth = random.nextInt(2) == 0 ? 600 : 5000;
            replace(body, path, JsonNodeFactory.instance.stringNode(NESTED.formatted(depth)));
            description = path + " := arrays nested " + depth + " deep";
            mustFail = true;
        }
        // an operation answering 404 or 409 for its target refuses a valid body too; that is still a 4xx
        return new Case(description, op.method(), op.path(), op.target(), null, op.caller(), bytes(body.toString()),
                "application/json", "application/json", mustFail);
    }

    private static void malformed(Operation op, ObjectNode valid, List<Case> cases) {
        String json = valid.toString();
        List<String[]> raws = List.of(
                new String[] {"empty body", ""},
                new String[] {"just whitespace", "   \n\t "},
                new String[] {"open brace", "{"},
                new String[] {"array", "[]"},
                new String[] {"null", "null"},
                new String[] {"a string", "\"hello\""},
                new String[] {"a number", "42"},
                new String[] {"single quotes", json.replace('"', '\'')},
                new String[] {"trailing comma", json.substring(0, json.length() - 1) + ",}"},
                new String[] {"truncated", json.substring(0, json.length() / 2)},
                new String[] {"a key twice", "{\"a\":1,\"a\":2," + json.substring(1)},
                new String[] {"comment", "/* hi */" + json},
                new String[] {"two documents", json + json},
                new String[] {"10000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000)},
                new String[] {"100000 open objects", "{\"a\":".repeat(100_000)},
                new String[] {"NaN", json.substring(0, json.length() - 1) + ",\"n\":NaN}"},
                new String[] {"1 MB property name", "{\"" + ONE_MEGABYTE + "\":1}"});
        for (String[] raw : raws) {
            cases.add(new Case(raw[0], op.method(), op.path(), op.target(), null, op.caller(), bytes(raw[1]),
                    "application/json", "application/json", true));
        }
        byte[] invalidUtf8 = json.replaceFirst(":\"", ":\"\u0001").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < invalidUtf8.length; i++) {
            if (invalidUtf8[i] == 1) {
                invalidUtf8[i] = (byte) 0xC3;
                break;
            }
        }
        cases.add(new Case("invalid UTF-8", op.method(), op.path(), op.target(), null, op.caller(), invalidUtf8,
                "application/json", "application/json", true));
        byte[] bom = ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);
        cases.add(new Case("byte order mark", op.method(), op.path(), op.target(), null, op.caller(), bom,
                "application/json", "application/json", false));
        for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "nonsense", ""}) {
            cases.add(new Case("content type " + (type.isEmpty() ? "(none)" : type), op.method(), op.path(),
                    op.target(), null, op.caller(), bytes(json), type.isEmpty() ? null : type, "application/json", true));
        }
        for (String accept : new String[] {"application/xml", "text/html", "image/png", "*/*"}) {
            cases.add(new Case("accept " + accept + " with a malformed body", op.method(), op.path(), op.target(), null,
                    op.caller(), bytes("{"), "application/json", accept, true));
        }
    }

    /** Requests whose region the account does not allow, or whose template does not exist there. */
    private static List<Case> regionMismatches() {
        List<Case> cases = new ArrayList<>();
        for (String region : new String[] {"us-west-2", "ap-southeast-2", "eu-west-2", "mars-north-1", "us-gov-west-1",
                "cn-north-1", "us-east-1 ", "EU-WEST-1", "eu-west-01"}) {
            cases.add(new Case("region " + region, "POST", "/api/v1/requests", Target.NONE, null, "requester",
                    bytes(RequestBodies.glue("payments", RequestBodies.SANDBOX, region).toString()), "application/json",
                    "application/json", true));
        }
        ObjectNode datadog = RequestBodies.datadogLogs("payments", RequestBodies.SANDBOX);
        datadog.put("region", "eu-west-3");
        cases.add(new Case("partner service outside its regions", "POST", "/api/v1/requests", Target.NONE, null,
                "requester", bytes(datadog.toString()), "application/json", "application/json", true));
        cases.add(new Case("another team's account", "POST", "/api/v1/requests", Target.NONE, null, "requester",
                bytes(RequestBodies.glue("payments", "999999999999", "eu-west-1").toString()), "application/json",
                "application/json", true));
        // 10,000 statements, and one statement with 10,000 actions, as policies to judge
        StringBuilder statements = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int i = 0; i < 10_000; i++) {
            statements.append(i == 0 ? "" : ",").append("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:G")
                    .append(i).append("\",\"Resource\":\"*\"}");
        }
        statements.append("]}");
        ObjectNode validate = JsonNodeFactory.instance.objectNode().put("document", statements.toString())
                .put("kind", "ENDPOINT");
        cases.add(new Case("10000 statements", "POST", "/api/v1/policies/validate", Target.NONE, null, "requester",
                bytes(validate.toString()), "application/json", "application/json", true));
        ObjectNode custom = RequestBodies.glue("payments", RequestBodies.SANDBOX, "eu-west-1");
        ((ObjectNode) custom.get("items").get(0)).put("policyChoice", "custom")
                .put("customPolicy", statements.toString());
        cases.add(new Case("custom policy with 10000 statements", "POST", "/api/v1/requests", Target.NONE, null,
                "requester", bytes(custom.toString()), "application/json", "application/json", true));
        String deepPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":" + "{\"a\":".repeat(3000) + "1"
                + "}".repeat(3000) + "}]}";
        cases.add(new Case("policy nested 3000 deep", "POST", "/api/v1/policies/validate", Target.NONE, null,
                "requester", bytes(JsonNodeFactory.instance.objectNode().put("document", deepPolicy).put("kind", "BUCKET")
                        .toString()), "application/json", "application/json", false));
        ObjectNode simulate = JsonNodeFactory.instance.objectNode().put("endpointPolicy", deepPolicy);
        simulate.putArray("matrix").addObject().put("principal", "*").put("action", "s3:GetObject")
                .put("resource", "arn:aws:s3:::b/k").put("path", "THIS_ENDPOINT");
        cases.add(new Case("simulation of a policy nested 3000 deep", "POST", "/api/v1/policies/simulate", Target.NONE,
                null, "requester", bytes(simulate.toString()), "application/json", "application/json", false));
        return cases;
    }

    /** Query parameters of the listing operations. */
    private static List<Case> queries(Random random, List<String> texts) {
        List<Case> cases = new ArrayList<>();
        String[][] lists = {{"/api/v1/requests", "requester", "status"}, {"/api/v1/requests", "requester", "cursor"},
                {"/api/v1/requests", "requester", "limit"}, {"/api/v1/requests", "requester", "team"},
                {"/api/v1/requests", "requester", "account"}, {"/api/v1/requests", "requester", "mine"},
                {"/api/v1/templates", "requester", "q"}, {"/api/v1/templates", "requester", "category"},
                {"/api/v1/audit", "admin", "cursor"}, {"/api/v1/audit", "admin", "limit"},
                {"/api/v1/audit", "admin", "from"}, {"/api/v1/audit", "admin", "action"}};
        for (String[] list : lists) {
            for (int n = 0; n < 5; n++) {
                String value = n < 3 ? new String[] {"-1", "99999999999999999999", "0"}[n]
                        : texts.get(random.nextInt(texts.size()));
                if (value.length() > 10_000) {
                    value = value.substring(0, 10_000);
                }
                cases.add(new Case(list[2] + " " + describe(value), "GET", list[0], Target.NONE,
                        list[2] + "=" + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8), list[1], null,
                        null, "application/json", false));
            }
        }
        for (String get : new String[] {"/api/v1/requests/{id}", "/api/v1/requests/{id}/approval",
                "/api/v1/requests/{id}/comments", "/api/v1/requests/{id}/changes", "/api/v1/requests/{id}/plan",
                "/api/v1/requests/{id}/provisioning", "/api/v1/accounts/{id}", "/api/v1/templates/{id}",
                "/api/v1/approval-rules/{id}/versions", "/api/v1/webhooks/{id}/deliveries"}) {
            for (Target bad : new Target[] {Target.NOT_A_UUID, Target.SQL, Target.SCRIPT, Target.NUL,
                    Target.TRAVERSAL, Target.HUGE_ID, Target.UNICODE_ID, Target.RANDOM_UUID,
                    Target.OTHER_TEAMS_REQUEST}) {
                cases.add(new Case("id " + bad, "GET", get, bad, null,
                        get.contains("webhooks") ? "admin" : "requester", null, null, "application/json", true));
            }
        }
        return cases;
    }

    /** Strings no form would produce: injection, control characters, unicode from Instancio's seeded generator. */
    static List<String> hostileTexts() {
        List<String> texts = new ArrayList<>(List.of(
                "", " ", "\u0000", "a\u0000b", "\u0007\u001b[31mred\u001b[0m", "line\r\nInjected-Header: 1",
                "' OR '1'='1", "'; DROP TABLE endpoint_request; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(10)",
                "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
                "${jndi:ldap://127.0.0.1/a}", "#{7*7}", "[[${7*7}]]", "__${T(java.lang.Runtime).getRuntime()}__::.x",
                "{{7*7}}", "../../../../etc/passwd", "%00", "%s%s%s%n", "\u202Eevil\u202C", "\uFEFF", "\uD83D\uDE80",
                "\uD800", "\uFFFF", "e\u0301\u0301\u0301", "\u0661\u0662\u0663", "vpc-\uff10\uff11\uff12\uff13",
                "arn:aws:iam::*:root", "*", "s3:*", "NaN", "-0", "1e400", "null", "true", "[]", "{}",
                "x".repeat(10_000), ONE_MEGABYTE, "\u00e9".repeat(5_000)));
        texts.addAll(Instancio.ofList(String.class)
                .size(40)
                .withSeed(SEED)
                .withSetting(Keys.STRING_TYPE, StringType.UNICODE)
                .withSetting(Keys.STRING_MIN_LENGTH, 1)
                .withSetting(Keys.STRING_MAX_LENGTH, 300)
                .create());
        texts.addAll(Instancio.ofList(String.class)
                .size(20)
                .withSeed(SEED + 1)
                .withSetting(Keys.STRING_TYPE, StringType.ALPHANUMERIC)
                .withSetting(Keys.STRING_MIN_LENGTH, 1)
                .withSetting(Keys.STRING_MAX_LENGTH, 5000)
                .create());
        return texts;
    }

    private static JsonNode wrongType(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(11)) {
            case 0 -> f.numberNode(random.nextInt());
            case 1 -> f.numberNode(-1);
            case 2 -> f.numberNode(new java.math.BigDecimal("1e400"));
            case 3 -> f.booleanNode(random.nextBoolean());
            case 4 -> f.nullNode();
            case 5 -> f.arrayNode();
            case 6 -> f.objectNode();
            case 7 -> f.arrayNode().add(1).add("two").addNull();
            case 8 -> f.objectNode().put("$ne", 1);
            case 9 -> f.numberNode(Long.MAX_VALUE);
            default -> f.numberNode(0.5);
        };
    }

    private static boolean isNullable(JsonNode value) {
        // null, an empty array or object may be a legal "absent"/"none" for an optional property
        return value.isNull() || value.isEmpty() && (value.isArray() || value.isObject());
    }

    private static boolean isArrayElement(String path) {
        return path.endsWith("]");
    }

    /** The bytes to send: the placeholders for huge and deeply nested values expanded. */
    static byte[] expand(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.contains("@@")) {
            return body;
        }
        text = text.replace(ONE_MEGABYTE, "A".repeat(1 << 20));
        for (int depth : new int[] {600, 5000}) {
            text = text.replace("\"" + NESTED.formatted(depth) + "\"", "[".repeat(depth) + "]".repeat(depth));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void collectPaths(JsonNode node, String prefix, List<String> paths) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                paths.add(path);
                collectPaths(object.get(name), path, paths);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String path = prefix + "[" + i + "]";
                paths.add(path);
                collectPaths(array.get(i), path, paths);
            }
        }
    }

    private static void replace(ObjectNode body, String path, JsonNode value) {
        JsonNode container = containerOf(body, path);
        String last = lastSegment(path);
        if (container instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) container).set(last, value);
        }
    }

    private static JsonNode valueAt(ObjectNode body, String path) {
        JsonNode container = containerOf(body, path);
        String last = lastSegment(path);
        return container.isArray() ? container.get(Integer.parseInt(last)) : container.get(last);
    }

    private static JsonNode containerOf(ObjectNode body, String path) {
        JsonNode node = body;
        List<String> segments = segments(path);
        for (int i = 0; i < segments.size() - 1; i++) {
            String s = segments.get(i);
            node = node.isArray() ? node.get(Integer.parseInt(s)) : node.get(s);
        }
        return node;
    }

    private static String lastSegment(String path) {
        List<String> segments = segments(path);
        return segments.get(segments.size() - 1);
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                segments.add(part);
                continue;
            }
            if (bracket > 0) {
                segments.add(part.substring(0, bracket));
            }
            for (String index : part.substring(bracket + 1, part.length() - 1).split("\\]\\[")) {
                segments.add(index);
            }
        }
        return segments;
    }

    private static String describe(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
        StringBuilder out = new StringBuilder("\"");
        shown.codePoints().forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return out.append('"').toString();
    }

    /** Glue with the item's own monthly GB and a NAT gateway that will be removed, so that mutations reach them. */
    private static ObjectNode glue() {
        ObjectNode body = RequestBodies.glue("payments", RequestBodies.SANDBOX, "eu-west-1");
        body.remove("expectedMonthlyGb");
        body.put("natGatewayId", "nat-0a1b2c3d4e5f60718").put("natGatewayRemoved", true);
        ((ObjectNode) body.get("items").get(0)).put("expectedMonthlyGb", 40);
        return body;
    }

    private static ObjectNode rule() {
        return parse("""
                {"key":"fuzz-rule","name":"fuzzed rule","priority":99999,"enabled":false,"templateKeys":["glue"],
                 "endpointTypes":["Interface"],"accountIds":["111111111111"],"regions":["eu-west-1"],
                 "teams":["payments"],"policyChoices":["organization"],"partner":false,"environment":"NON_PRODUCTION",
                 "autoApprove":false,"stages":[{"approverTeam":"network","mode":"ANY"}]}""");
    }

    private static ObjectNode parse(String json) {
        return (ObjectNode) PortalApi.json().readTree(json);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
