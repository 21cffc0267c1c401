package io.vpcportal.policy.internal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the endpoint policy of each template. Every statement names a principal (endpoint policies must);
 * statements that only serve the caller's own organization or account say so with a condition, so that the
 * endpoint cannot carry foreign credentials. The output is canonical (see {@link PolicyCanonicalizer}).
 */
public final class EndpointPolicyGenerator {

    private EndpointPolicyGenerator() {
    }

    /** The canonical policy for a template other than {@code custom}. */
    public static ObjectNode generate(PolicyRequest r) {
        return PolicyCanonicalizer.canonicalize(switch (r.template()) {
            case FULL_ACCESS -> fullAccess();
            case ORGANIZATION -> organization(r);
            case S3_BUCKETS -> s3Buckets(r);
            case DYNAMODB_TABLES -> dynamoDbTables(r);
            case READ_ONLY -> readOnly(r);
            case CUSTOM -> throw new IllegalArgumentException("custom policies are not generated");
        });
    }

    /** AWS's default endpoint policy, exactly as DescribeVpcEndpoints reports it, so that a diff shows nothing. */
    static ObjectNode fullAccess() {
        return policy("2008-10-17", statement(null, "Allow", star(), List.of("*"), List.of("*"), null));
    }

    /**
     * In the style of AWS's data-perimeter examples
     * (https://github.com/aws-samples/data-perimeter-policy-examples/tree/main/vpc_endpoint_policies): identities
     * of the organization to resources of the organization, AWS service principals, and for S3 the AWS-owned
     * buckets workloads need.
     */
    static ObjectNode organization(PolicyRequest r) {
        ObjectNode orgOnly = CanonicalJson.object();
        boolean organization = r.organizationId() != null;
        if (organization) {
            orgOnly.putObject("StringEquals").put("aws:PrincipalOrgID", r.organizationId())
                    .put("aws:ResourceOrgID", r.organizationId());
        } else {
            orgOnly.putObject("StringEquals").put("aws:PrincipalAccount", r.accountId())
                    .put("aws:ResourceAccount", r.accountId());
        }
        ObjectNode services = CanonicalJson.object();
        services.putObject("Bool").put("aws:PrincipalIsAWSService", "true");
        List<ObjectNode> statements = new ArrayList<>(List.of(
                statement(organization ? "AllowRequestsByOrgsIdentitiesToOrgsResources"
                        : "AllowRequestsByAccountIdentitiesToAccountResources", "Allow", awsStar(), List.of("*"),
                        List.of("*"), orgOnly),
                statement("AllowRequestsByAWSServicePrincipals", "Allow", awsStar(), List.of("*"), List.of("*"), services)));
        if (r.s3()) {
            statements.add(awsOwnedBuckets(r, awsStar()));
        }
        return policy("2012-10-17", statements.toArray(ObjectNode[]::new));
    }

    static ObjectNode s3Buckets(PolicyRequest r) {
        List<String> resources = new ArrayList<>();
        for (String bucket : r.buckets()) {
            resources.add("arn:" + r.partition() + ":s3:::" + bucket);
            resources.add("arn:" + r.partition() + ":s3:::" + bucket + "/*");
        }
        return policy("2012-10-17",
                statement("AllowListedBuckets", "Allow", star(), List.of("s3:*"), resources, callerCondition(r)),
                awsOwnedBuckets(r, star()));
    }

    static ObjectNode dynamoDbTables(PolicyRequest r) {
        String prefix = "arn:" + r.partition() + ":dynamodb:" + r.region() + ":" + r.accountId() + ":table/";
        List<String> resources = new ArrayList<>();
        if (r.tables().isEmpty()) {
            resources.add(prefix + "*");
        }
        for (String table : r.tables()) {
            resources.add(prefix + table);
            resources.add(prefix + table + "/*"); // indexes and streams
        }
        return policy("2012-10-17",
                statement("AllowListedTables", "Allow", star(), List.of("dynamodb:*"), resources, callerCondition(r)),
                statement("AllowAccountLevelReads", "Allow", star(),
                        List.of("dynamodb:DescribeLimits", "dynamodb:ListTables"), List.of("*"), callerCondition(r)));
    }

    static ObjectNode readOnly(PolicyRequest r) {
        String prefix = AwsServices.actionPrefix(r.serviceName()).orElseThrow();
        List<ObjectNode> statements = new ArrayList<>(List.of(statement("AllowReadOnlyActions", "Allow", star(),
                AwsServices.readOnlyActions(prefix), List.of("*"), callerCondition(r))));
        if (r.s3()) {
            statements.add(awsOwnedBuckets(r, star()));
        }
        return policy("2012-10-17", statements.toArray(ObjectNode[]::new));
    }

    /** Reads of the AWS-owned buckets: no condition, since these requests are often anonymous or presigned. */
    private static ObjectNode awsOwnedBuckets(PolicyRequest r, JsonNode principal) {
        return statement("AllowRequestsToAWSOwnedResources", "Allow", principal, List.of("s3:GetObject"),
                AwsOwnedBuckets.objectArns(r.partition(), r.region()), null);
    }

    /** Only callers of the organization, else of the account; no condition when neither is known. */
    private static ObjectNode callerCondition(PolicyRequest r) {
        if (r.organizationId() == null && r.accountId() == null) {
            return null;
        }
        ObjectNode condition = CanonicalJson.object();
        ObjectNode equals = condition.putObject("StringEquals");
        if (r.organizationId() != null) {
            equals.put("aws:PrincipalOrgID", r.organizationId());
        } else {
            equals.put("aws:PrincipalAccount", r.accountId());
        }
        return condition;
    }

    static ObjectNode policy(String version, ObjectNode... statements) {
        ObjectNode policy = CanonicalJson.object();
        policy.put("Version", version);
        ArrayNode list = policy.putArray("Statement");
        for (ObjectNode s : statements) {
            list.add(s);
        }
        return policy;
    }

    static ObjectNode statement(String sid, String effect, JsonNode principal, List<String> actions,
            List<String> resources, ObjectNode condition) {
        ObjectNode s = CanonicalJson.object();
        if (sid != null) {
            s.put("Sid", sid);
        }
        s.put("Effect", effect);
        s.set("Principal", principal);
        s.set("Action", PolicyCanonicalizer.strings(actions));
        s.set("Resource", PolicyCanonicalizer.strings(resources));
        if (condition != null) {
            s.set("Condition", condition);
        }
        return s;
    }

    static JsonNode star() {
        return JsonNodeFactory.instance.stringNode("*");
    }

    static JsonNode awsStar() {
        return CanonicalJson.object().put("AWS", "*");
    }
}
