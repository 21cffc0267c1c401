package io.vpcportal.policy.internal;

import io.vpcportal.policy.AccessCheck;
import io.vpcportal.policy.AccessDecision;
import io.vpcportal.policy.NetworkPath;
import io.vpcportal.policy.internal.PolicyEvaluator.Effect;
import io.vpcportal.policy.internal.PolicyEvaluator.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates an endpoint policy and bucket policies together, the way S3 and IAM combine them: an explicit Deny in
 * either wins; a request through the endpoint also needs an Allow of the endpoint policy; then some policy must
 * grant the access. The principal's own IAM policies are not known here and are assumed to allow the action (that
 * is the question the approver asks: "if the team's role may do it, do our policies let it through?"); anonymous
 * callers and service principals have no such policy, and cross-account callers also need a bucket policy Allow.
 * AWS-owned buckets (package repositories, ECR layers) serve reads to anyone their owner lets in.
 */
public final class AccessSimulator {

    private static final Pattern S3_ARN = Pattern.compile("arn:aws(-[a-z]+)*:s3:::([^/]+)(/.*)?");
    private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("arn:[^:]+:[^:]*:[^:]*:(\\d{12}):.*");

    private final SimulationContext context;
    private final PolicyDocument endpointPolicy;
    private final Function<String, PolicyDocument> bucketPolicies;

    /**
     * @param endpointPolicy {@code null}: the endpoint has no policy (everything passes)
     * @param bucketPolicies bucket name to its policy, or {@code null} when it has none
     */
    public AccessSimulator(SimulationContext context, PolicyDocument endpointPolicy,
            Function<String, PolicyDocument> bucketPolicies) {
        this.context = context;
        this.endpointPolicy = endpointPolicy;
        this.bucketPolicies = bucketPolicies;
    }

    public AccessDecision decide(AccessCheck check) {
        RequestPrincipal principal = RequestPrincipal.parse(check.principal())
                .orElseThrow(() -> new IllegalArgumentException("Not a principal: " + check.principal()));
        Matcher s3 = S3_ARN.matcher(check.resource());
        String bucket = s3.matches() ? s3.group(2) : null;
        boolean awsOwned = AwsOwnedBuckets.isAwsOwned(bucket);
        String resourceAccount = resourceAccount(check, bucket != null, awsOwned);
        RequestContext request = new RequestContext(principal, check.action(), check.resource(),
                keys(principal, check.path(), resourceAccount));

        Outcome endpoint = check.path() == NetworkPath.THIS_ENDPOINT && endpointPolicy != null
                ? PolicyEvaluator.evaluate(endpointPolicy, request) : null;
        PolicyDocument bucketPolicy = bucket != null && !awsOwned ? bucketPolicies.apply(bucket) : null;
        Outcome resource = bucketPolicy == null ? null : PolicyEvaluator.evaluate(bucketPolicy, request);

        if (endpoint != null && endpoint.effect() == Effect.DENY) {
            return denied(check, "endpoint policy", endpoint, "explicitly denied by the endpoint policy");
        }
        if (resource != null && resource.effect() == Effect.DENY) {
            return denied(check, "bucket policy", resource, "explicitly denied by the bucket policy");
        }
        if (endpoint != null && endpoint.effect() == Effect.NONE) {
            return denied(check, "endpoint policy", endpoint,
                    "no statement of the endpoint policy allows it (implicit deny)");
        }
        String grant = grant(principal, check, resource, resourceAccount, awsOwned);
        if (grant == null) {
            String why = principal.type() == RequestPrincipal.Type.ANONYMOUS
                    ? "an anonymous caller needs a bucket policy Allow, and none applies"
                    : awsOwned ? "AWS-owned buckets only serve reads"
                    : "a caller from another account (or a service principal) needs a resource policy Allow";
            return new AccessDecision(check, false, resource != null ? "bucket policy" : "identity policy", null, why);
        }
        if (endpoint != null) {
            return new AccessDecision(check, true, "endpoint policy", endpoint.statement().label(),
                    "the endpoint policy allows it; " + grant);
        }
        if (resource != null && resource.effect() == Effect.ALLOW) {
            return new AccessDecision(check, true, "bucket policy", resource.statement().label(), grant);
        }
        return new AccessDecision(check, true, awsOwned ? "AWS-owned bucket" : "identity policy", null, grant);
    }

    /** Which policy grants the access once nothing denies it, or {@code null} when none does. */
    private String grant(RequestPrincipal principal, AccessCheck check, Outcome resource, String resourceAccount,
            boolean awsOwned) {
        if (awsOwned) {
            String action = check.action().toLowerCase(Locale.ROOT);
            return action.startsWith("s3:get") || action.startsWith("s3:list")
                    ? "AWS serves this bucket to every caller" : null;
        }
        if (resource != null && resource.effect() == Effect.ALLOW) {
            return "the bucket policy allows it" + (principal.isIam() ? " (and the caller's IAM policy is assumed to)" : "");
        }
        if (principal.isIam() && (resourceAccount == null || resourceAccount.equals(principal.account()))) {
            return "the caller's own IAM policy is assumed to allow it";
        }
        return null;
    }

    private String resourceAccount(AccessCheck check, boolean s3, boolean awsOwned) {
        if (check.resourceAccount() != null && !check.resourceAccount().isBlank()) {
            return check.resourceAccount();
        }
        Matcher m = ACCOUNT_IN_ARN.matcher(check.resource());
        if (m.matches()) {
            return m.group(1);
        }
        return s3 && awsOwned ? null : context.accountId();
    }

    private Map<String, List<String>> keys(RequestPrincipal principal, NetworkPath path, String resourceAccount) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("aws:SecureTransport", List.of("true"));
        if (context.now() != null) {
            keys.put("aws:CurrentTime", List.of(context.now().toString()));
            keys.put("aws:EpochTime", List.of(Long.toString(context.now().getEpochSecond())));
        }
        keys.put("aws:PrincipalType", List.of(principal.principalType()));
        if (principal.isIam()) {
            keys.put("aws:PrincipalArn", List.of(principal.arn()));
            keys.put("aws:PrincipalAccount", List.of(principal.account()));
            keys.put("aws:PrincipalIsAWSService", List.of("false"));
            keys.put("aws:ViaAWSService", List.of("false"));
            if (context.inOrganization(principal.account())) {
                keys.put("aws:PrincipalOrgID", List.of(context.organizationId()));
            }
        } else if (principal.type() == RequestPrincipal.Type.SERVICE) {
            keys.put("aws:PrincipalIsAWSService", List.of("true"));
            keys.put("aws:PrincipalServiceName", List.of(principal.service()));
        }
        if (resourceAccount != null) {
            keys.put("aws:ResourceAccount", List.of(resourceAccount));
            if (context.inOrganization(resourceAccount)) {
                keys.put("aws:ResourceOrgID", List.of(context.organizationId()));
            }
        }
        switch (path) {
            case THIS_ENDPOINT -> network(keys, context.endpointId(), context.vpcId(), "10.0.0.10");
            case OTHER_ENDPOINT -> network(keys, SimulationContext.OTHER_ENDPOINT_ID, SimulationContext.OTHER_VPC_ID,
                    "10.1.0.10");
            case OUTSIDE_VPC -> keys.put("aws:SourceIp", List.of("203.0.113.10"));
        }
        return keys;
    }

    private void network(Map<String, List<String>> keys, String endpointId, String vpcId, String privateIp) {
        keys.put("aws:SourceVpce", List.of(endpointId));
        keys.put("aws:SourceVpc", List.of(vpcId));
        keys.put("aws:VpcSourceIp", List.of(privateIp));
        if (context.accountId() != null) {
            keys.put("aws:VpceAccount", List.of(context.accountId()));
        }
        if (context.organizationId() != null) {
            keys.put("aws:VpceOrgID", List.of(context.organizationId()));
        }
    }

    private static AccessDecision denied(AccessCheck check, String policy, Outcome outcome, String reason) {
        return new AccessDecision(check, false, policy, outcome.statement() == null ? null : outcome.statement().label(),
                reason);
    }
}
