package io.vpcportal.policy.internal;

import io.vpcportal.policy.AccessCheck;
import io.vpcportal.policy.AccessDecision;
import io.vpcportal.policy.Finding;
import io.vpcportal.policy.FindingCode;
import io.vpcportal.policy.NetworkPath;
import io.vpcportal.policy.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bucket policy must never lock out the people who repair it: the break-glass principals, from outside the VPC
 * and through other endpoints, for reading and writing objects and for reading and replacing the policy itself.
 */
final class BreakGlassRules {

    static final List<String> ADMIN_ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:ListBucket",
            "s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy");
    private static final Pattern BUCKET_ARN = Pattern.compile("arn:aws(-[a-z]+)*:s3:::([a-z0-9][a-z0-9.-]+)(/.*)?");

    private BreakGlassRules() {
    }

    static void check(PolicyDocument policy, ValidationContext context, List<Finding> findings) {
        Optional<String> bucket = Optional.ofNullable(context.bucketName()).or(() -> bucketOf(policy));
        if (bucket.isEmpty()) {
            return;
        }
        AccessSimulator simulator = new AccessSimulator(context.simulation(), null, b -> policy);
        if (context.breakGlass().isEmpty()) {
            String admin = "arn:aws:iam::" + (context.accountId() == null ? "000000000000" : context.accountId())
                    + ":role/Administrator";
            AccessDecision d = simulator.decide(new AccessCheck(admin, "s3:PutBucketPolicy",
                    "arn:aws:s3:::" + bucket.get(), NetworkPath.OUTSIDE_VPC));
            if (explicitDeny(d)) {
                findings.add(Finding.of(Severity.WARNING, FindingCode.NO_BREAK_GLASS, "denies even an administrator's "
                        + "s3:PutBucketPolicy from outside the VPC, and the account names no break-glass principal: "
                        + "only the root user could repair the policy. Add break-glass principals to the account.",
                        "Statement"));
            }
            return;
        }
        for (String principal : context.breakGlass()) {
            if (RequestPrincipal.parse(principal).isEmpty()) {
                continue;
            }
            Map<String, String> denied = new LinkedHashMap<>();
            for (NetworkPath path : List.of(NetworkPath.OUTSIDE_VPC, NetworkPath.OTHER_ENDPOINT)) {
                for (String action : ADMIN_ACTIONS) {
                    String resource = "arn:aws:s3:::" + bucket.get() + (action.endsWith("Object") ? "/any-object" : "");
                    AccessDecision d = simulator.decide(new AccessCheck(principal, action, resource, path));
                    if (explicitDeny(d)) {
                        denied.putIfAbsent(action, d.statement());
                    }
                }
            }
            if (!denied.isEmpty()) {
                List<String> statements = new ArrayList<>(new LinkedHashSet<>(denied.values()));
                findings.add(Finding.of(Severity.ERROR, FindingCode.BREAK_GLASS_DENIED, "denies the break-glass "
                        + "principal " + principal + " (" + String.join(", ", denied.keySet()) + ") through "
                        + String.join(", ", statements) + ": exclude it with ArnNotLike on aws:PrincipalArn",
                        statementPath(policy, statements.get(0))));
            }
        }
    }

    private static boolean explicitDeny(AccessDecision d) {
        return !d.allowed() && d.policy().equals("bucket policy") && d.statement() != null;
    }

    private static String statementPath(PolicyDocument policy, String label) {
        return policy.statements().stream().filter(s -> s.label().equals(label)).map(Statement::path).findFirst()
                .orElse("Statement");
    }

    private static Optional<String> bucketOf(PolicyDocument policy) {
        for (Statement s : policy.statements()) {
            for (String r : s.resources()) {
                Matcher m = BUCKET_ARN.matcher(r);
                if (m.matches() && !Glob.hasWildcard(m.group(2))) {
                    return Optional.of(m.group(2));
                }
            }
        }
        return Optional.empty();
    }
}
