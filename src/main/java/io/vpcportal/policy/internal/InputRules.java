package io.vpcportal.policy.internal;

import io.vpcportal.policy.AccessCheck;
import io.vpcportal.policy.BucketRestriction;
import io.vpcportal.policy.EndpointPolicyInput;
import io.vpcportal.policy.PreviewOptions;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.shared.AwsAccountId;
import io.vpcportal.shared.AwsRegion;
import io.vpcportal.shared.AwsResourceIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks an {@link EndpointPolicyInput} and turns it into a {@link PolicyRequest}. Every broken rule is reported
 * at once, on the field (named as in the REST payload) that breaks it.
 */
public final class InputRules {

    public static final int MAX_NAMES = 20;
    public static final int MAX_EXPECTED = 50;
    public static final int MAX_CUSTOM = 100_000;
    public static final Pattern ORGANIZATION_ID = Pattern.compile("o-[a-z0-9]{10,32}");
    public static final Pattern BREAK_GLASS_ARN =
            Pattern.compile("arn:aws(-[a-z]+)*:iam::\\d{12}:(role|user)/[\\w+=,.@/-]{1,512}");
    private static final Pattern BUCKET = Pattern.compile("(?!xn--)(?!sthree-)(?!.*-s3alias$)(?!.*--ol-s3$)"
            + "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_LIKE = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    private static final Pattern TABLE = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final Pattern ACTION = Pattern.compile("[a-zA-Z0-9-]+:[a-zA-Z0-9]+");
    private static final Pattern RESOURCE = Pattern.compile("\\*|arn:[^:]+:[^:]*:[^:]*:[^:]*:.+");
    private static final Set<String> ENDPOINT_TYPES = Set.of("Gateway", "Interface", "GatewayLoadBalancer");

    private final List<FieldViolation> violations = new ArrayList<>();

    private InputRules() {
    }

    public static PolicyRequest check(EndpointPolicyInput input) {
        return new InputRules().run(input);
    }

    public static boolean isBucketName(String name) {
        return name != null && BUCKET.matcher(name).matches() && !IP_LIKE.matcher(name).matches() && !name.contains("..");
    }

    private PolicyRequest run(EndpointPolicyInput in) {
        PreviewOptions o = in.options();
        String region = blank(in.region()) ? null : in.region().strip();
        if (region == null) {
            reject("region", "must not be blank");
        } else if (!AwsRegion.isKnown(region)) {
            reject("region", "is not a known AWS region");
        }
        String service = blank(in.serviceName()) ? null : in.serviceName().strip();
        if (service == null) {
            reject("serviceName", "must not be blank");
        } else if (!AwsServices.isKnownFormat(service)) {
            reject("serviceName", "must be an endpoint service name such as com.amazonaws.us-east-1.s3");
        }
        String type = blank(in.endpointType()) ? "Interface" : in.endpointType().strip();
        if (!ENDPOINT_TYPES.contains(type)) {
            reject("endpointType", "must be Gateway, Interface or GatewayLoadBalancer");
        }
        String organization = optional("organizationId", in.organizationId(), v -> ORGANIZATION_ID.matcher(v).matches(),
                "must look like o- followed by 10 to 32 lowercase letters or digits");
        String account = optional("accountId", in.accountId(), v -> AwsAccountId.isValid(v), "must be exactly 12 digits");
        String vpc = optional("vpcId", o.vpcId(), AwsResourceIds.VPC::matches, AwsResourceIds.VPC.formatMessage());
        TreeSet<String> buckets = names("bucketNames", in.bucketNames(), InputRules::isBucketName,
                "must be S3 bucket names (3 to 63 lowercase letters, digits, dots or hyphens)");
        TreeSet<String> tables = names("tableNames", in.tableNames(), t -> TABLE.matcher(t).matches(),
                "must be DynamoDB table names (3 to 255 letters, digits, _ . -)");
        TreeSet<String> breakGlass = names("breakGlassPrincipalArns", in.breakGlassPrincipalArns(),
                a -> BREAK_GLASS_ARN.matcher(a).matches(), "must be IAM role or user ARNs such as "
                        + "arn:aws:iam::111111111111:role/BreakGlassAdmin");
        TreeSet<String> endpoints = names("endpointIds", o.endpointIds(), AwsResourceIds.VPC_ENDPOINT::matches,
                "each " + AwsResourceIds.VPC_ENDPOINT.formatMessage());
        PolicyTemplate template = blank(in.policyChoice()) ? null : PolicyTemplate.fromKey(in.policyChoice().strip()).orElse(null);
        if (template == null) {
            reject("policyChoice", "must be one of full-access, organization, s3-buckets, dynamodb-tables, read-only, custom");
        }
        boolean s3 = AwsServices.isS3(service);
        boolean dynamo = AwsServices.isDynamoDb(service);
        if (!buckets.isEmpty() && service != null && !s3) {
            reject("bucketNames", "only S3 endpoints take bucket names");
        }
        if (!tables.isEmpty() && service != null && !dynamo) {
            reject("tableNames", "only DynamoDB endpoints take table names");
        }
        if (template != null && service != null) {
            templateRules(template, in, s3, dynamo, buckets, organization, account);
        }
        if (!buckets.isEmpty() && o.bucketRestriction() == BucketRestriction.SOURCE_VPC && vpc == null) {
            reject("vpcId", "is needed to restrict the buckets to the VPC");
        }
        if (!buckets.isEmpty() && o.bucketRestriction() == BucketRestriction.VPCE_ORG_ID && organization == null) {
            reject("bucketRestriction", "VPCE_ORG_ID needs the account's AWS Organization id: an admin sets it on the account");
        }
        checkExpected(o.expectedAccesses());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new PolicyRequest(region, service, type, template, List.copyOf(buckets), List.copyOf(tables),
                in.customPolicy(), organization, List.copyOf(breakGlass), account, vpc, List.copyOf(endpoints),
                o.bucketRestriction(), o.enforcement(), blank(o.currentEndpointPolicy()) ? null : o.currentEndpointPolicy(),
                o.currentBucketPolicies(), o.expectedAccesses());
    }

    private void templateRules(PolicyTemplate template, EndpointPolicyInput in, boolean s3, boolean dynamo,
            Set<String> buckets, String organization, String account) {
        switch (template) {
            case ORGANIZATION -> {
                // without an organization id the account's own perimeter is used instead (a WARNING says so)
                if (organization == null && account == null
                        && violations.stream().noneMatch(v -> v.field().equals("organizationId"))) {
                    reject("policyChoice", "organization needs the account's AWS Organization id (or at least "
                            + "the account id): an admin sets it on the account");
                }
            }
            case S3_BUCKETS -> {
                if (!s3) {
                    reject("policyChoice", "s3-buckets applies to S3 endpoints only");
                } else if (buckets.isEmpty()) {
                    reject("bucketNames", "must name at least one bucket for the s3-buckets policy");
                }
            }
            case DYNAMODB_TABLES -> {
                if (!dynamo) {
                    reject("policyChoice", "dynamodb-tables applies to DynamoDB endpoints only");
                } else if (account == null) {
                    reject("accountId", "is needed: the tables' ARNs name the account");
                }
            }
            case READ_ONLY -> {
                if (AwsServices.actionPrefix(in.serviceName()).isEmpty()) {
                    reject("policyChoice", "read-only applies to AWS services, whose actions the portal knows");
                }
            }
            case CUSTOM -> {
                if (blank(in.customPolicy())) {
                    reject("customPolicy", "must hold the policy JSON for the custom policy");
                } else if (in.customPolicy().length() > MAX_CUSTOM) {
                    reject("customPolicy", "must be at most " + MAX_CUSTOM + " characters");
                }
            }
            case FULL_ACCESS -> {
                // nothing to check: AWS's default policy
            }
        }
    }

    private void checkExpected(List<AccessCheck> expected) {
        if (expected.size() > MAX_EXPECTED) {
            reject("expectedAccesses", "must list at most " + MAX_EXPECTED + " accesses");
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            checkAccess("expectedAccesses[" + i + "]", expected.get(i), violations);
        }
    }

    /** The rules of one matrix row, shared with the simulation API. */
    public static void checkAccess(String at, AccessCheck check, List<FieldViolation> violations) {
        if (check == null) {
            violations.add(new FieldViolation(at, "must not be null"));
            return;
        }
        if (RequestPrincipal.parse(check.principal()).isEmpty()) {
            violations.add(new FieldViolation(at + ".principal", "must be an IAM role, user or account ARN, a service "
                    + "principal such as ssm.amazonaws.com, or * for an anonymous caller"));
        }
        if (check.action() == null || !ACTION.matcher(check.action()).matches()) {
            violations.add(new FieldViolation(at + ".action", "must be one action such as s3:PutObject"));
        }
        if (check.resource() == null || !RESOURCE.matcher(check.resource()).matches()) {
            violations.add(new FieldViolation(at + ".resource", "must be an ARN or *"));
        }
        if (check.path() == null) {
            violations.add(new FieldViolation(at + ".path", "must be THIS_ENDPOINT, OTHER_ENDPOINT or OUTSIDE_VPC"));
        }
        if (check.resourceAccount() != null && !check.resourceAccount().isBlank()
                && !AwsAccountId.isValid(check.resourceAccount())) {
            violations.add(new FieldViolation(at + ".resourceAccount", "must be exactly 12 digits"));
        }
    }

    private TreeSet<String> names(String field, List<String> values, Predicate<String> ok, String message) {
        TreeSet<String> names = new TreeSet<>();
        if (values.size() > MAX_NAMES) {
            reject(field, "must name at most " + MAX_NAMES);
            return names;
        }
        for (String value : values) {
            String v = value == null ? null : value.strip();
            if (v == null || !ok.test(v)) {
                reject(field, message + "; '" + abbreviate(value) + "' is not");
                return new TreeSet<>();
            }
            names.add(v);
        }
        return names;
    }

    private String optional(String field, String value, Predicate<String> ok, String message) {
        if (blank(value)) {
            return null;
        }
        if (!ok.test(value.strip())) {
            reject(field, message);
            return null;
        }
        return value.strip();
    }

    private void reject(String field, String message) {
        violations.add(new FieldViolation(field, message));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
