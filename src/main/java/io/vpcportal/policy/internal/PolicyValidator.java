package io.vpcportal.policy.internal;

import io.vpcportal.policy.Finding;
import io.vpcportal.policy.FindingCode;
import io.vpcportal.policy.PolicyKind;
import io.vpcportal.policy.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every finding about one document: its size, its grammar, and the portal's rules for endpoint and bucket
 * policies. Rules that need an evaluation (break-glass principals, AWS-owned buckets) run on valid documents only.
 */
public final class PolicyValidator {

    /** "The size of an endpoint policy cannot exceed 20,480 characters, including white space."
     * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html */
    public static final int ENDPOINT_POLICY_MAX_CHARACTERS = 20_480;
    /** "Bucket policies are limited to 20 KB in size." */
    public static final int BUCKET_POLICY_MAX_BYTES = 20_480;

    private PolicyValidator() {
    }

    public static List<Finding> validate(String text, ValidationContext context) {
        return validate(text, PolicyParser.parse(text), context);
    }

    /** As {@link #validate(String, ValidationContext)}, for a caller that has parsed {@code text} already. */
    public static List<Finding> validate(String text, ParsedPolicy parsed, ValidationContext context) {
        List<Finding> findings = new ArrayList<>();
        size(text, context.kind()).ifPresent(findings::add);
        findings.addAll(parsed.findings());
        if (parsed.document() == null) {
            return findings;
        }
        for (Statement statement : parsed.document().statements()) {
            StatementRules.check(statement, context, findings);
        }
        if (parsed.valid()) {
            if (context.kind() == PolicyKind.BUCKET) {
                BreakGlassRules.check(parsed.document(), context, findings);
            } else if (AwsServices.isS3(context.serviceName())) {
                AwsOwnedBucketRule.check(parsed.document(), context, findings);
            }
        }
        return findings;
    }

    public static boolean blocking(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::blocking);
    }

    private static Optional<Finding> size(String text, PolicyKind kind) {
        if (text == null) {
            return Optional.empty();
        }
        if (kind == PolicyKind.ENDPOINT && text.length() > ENDPOINT_POLICY_MAX_CHARACTERS) {
            return Optional.of(Finding.of(Severity.ERROR, FindingCode.SIZE_LIMIT, "has " + text.length()
                    + " characters; an endpoint policy may have at most 20,480, white space included", ""));
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (kind == PolicyKind.BUCKET && bytes > BUCKET_POLICY_MAX_BYTES) {
            return Optional.of(Finding.of(Severity.ERROR, FindingCode.SIZE_LIMIT, "has " + bytes
                    + " bytes; a bucket policy may have at most 20 KB (20,480 bytes)", ""));
        }
        return Optional.empty();
    }
}
