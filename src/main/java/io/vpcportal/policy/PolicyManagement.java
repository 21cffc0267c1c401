package io.vpcportal.policy;

import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.policy.internal.AccessSimulator;
import io.vpcportal.policy.internal.BucketPolicies;
import io.vpcportal.policy.internal.BucketPolicyMerger;
import io.vpcportal.policy.internal.InputRules;
import io.vpcportal.policy.internal.LineDiff;
import io.vpcportal.policy.internal.ParsedPolicy;
import io.vpcportal.policy.internal.PolicyDocument;
import io.vpcportal.policy.internal.PolicyParser;
import io.vpcportal.policy.internal.PolicyPreviewer;
import io.vpcportal.policy.internal.PolicyValidator;
import io.vpcportal.policy.internal.SimulationContext;
import io.vpcportal.policy.internal.ValidationContext;
import io.vpcportal.shared.AwsAccountId;
import io.vpcportal.shared.AwsResourceIds;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The policy engine's API: generate the policies of a request item, judge a document, simulate documents on an
 * access matrix, and edit bucket policies that others also write. Stateless and free of I/O: the caller reads the
 * policies in force and writes the results.
 */
@Service
public class PolicyManagement {

    static final int MAX_MATRIX = 500;

    private final Clock clock;

    PolicyManagement(Clock clock) {
        this.clock = clock;
    }

    /**
     * The endpoint policy, the bucket policies, their findings and the access matrix of one request item. The same
     * input gives the same documents, byte for byte.
     *
     * @throws InvalidInputException when the item cannot be turned into policies (unknown template, bucket names
     *                               on a non-S3 endpoint, organization policy without organization id, ...)
     */
    public GeneratedPolicies preview(EndpointPolicyInput input) {
        return PolicyPreviewer.preview(InputRules.check(input), clock.instant());
    }

    /**
     * The ERROR findings of {@link #preview}, which block a request item: the same documents and checks, without
     * the access matrix a reviewer reads.
     *
     * @throws InvalidInputException as {@link #preview} does
     */
    public List<Finding> blockingFindings(EndpointPolicyInput input) {
        return PolicyPreviewer.findings(InputRules.check(input), clock.instant()).stream()
                .filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** Every finding about one document, each with the path of the element it concerns. */
    public List<Finding> validate(PolicyValidationInput input) {
        List<FieldViolation> violations = new ArrayList<>();
        if (input.document() == null || input.document().isBlank()) {
            violations.add(new FieldViolation("document", "must not be blank"));
        }
        if (input.kind() == null) {
            violations.add(new FieldViolation("kind", "must be ENDPOINT or BUCKET"));
        }
        checkSettings(input.organizationId(), input.breakGlassPrincipalArns(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return PolicyValidator.validate(input.document(), new ValidationContext(input.kind(), input.serviceName(),
                input.endpointType(), input.region(), input.accountId(), input.organizationId(),
                input.breakGlassPrincipalArns(), input.bucketName(), clock.instant()));
    }

    /** Decides every row of the matrix with the endpoint policy and the bucket policy together. */
    public SimulationResult simulate(SimulationInput input) {
        List<FieldViolation> violations = new ArrayList<>();
        boolean noEndpoint = input.endpointPolicy() == null || input.endpointPolicy().isBlank();
        boolean noBucket = input.bucketPolicy() == null || input.bucketPolicy().isBlank();
        if (noEndpoint && noBucket) {
            violations.add(new FieldViolation("endpointPolicy", "give an endpoint policy, a bucket policy or both"));
        }
        PolicyDocument endpoint = noEndpoint ? null : document("endpointPolicy", input.endpointPolicy(), violations);
        PolicyDocument bucket = noBucket ? null : document("bucketPolicy", input.bucketPolicy(), violations);
        checkSettings(input.organizationId(), List.of(), violations);
        if (input.accountId() != null && !AwsAccountId.isValid(input.accountId())) {
            violations.add(new FieldViolation("accountId", "must be exactly 12 digits"));
        }
        if (input.organizationAccountIds().stream().anyMatch(a -> !AwsAccountId.isValid(a))) {
            violations.add(new FieldViolation("organizationAccountIds", "must be 12-digit account ids"));
        }
        if (input.vpcId() != null && !AwsResourceIds.VPC.matches(input.vpcId())) {
            violations.add(new FieldViolation("vpcId", AwsResourceIds.VPC.formatMessage()));
        }
        if (input.endpointId() != null && !AwsResourceIds.VPC_ENDPOINT.matches(input.endpointId())) {
            violations.add(new FieldViolation("endpointId", AwsResourceIds.VPC_ENDPOINT.formatMessage()));
        }
        if (input.matrix().isEmpty() || input.matrix().size() > MAX_MATRIX) {
            violations.add(new FieldViolation("matrix", "must hold 1 to " + MAX_MATRIX + " rows"));
        } else {
            for (int i = 0; i < input.matrix().size(); i++) {
                InputRules.checkAccess("matrix[" + i + "]", input.matrix().get(i), violations);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        AccessSimulator simulator = new AccessSimulator(new SimulationContext(input.accountId(), input.organizationId(),
                Set.copyOf(input.organizationAccountIds()), input.vpcId(), input.endpointId(), clock.instant()),
                endpoint, b -> bucket);
        List<AccessDecision> decisions = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < input.matrix().size(); i++) {
            AccessDecision decision = simulator.decide(input.matrix().get(i));
            decisions.add(decision);
            PolicyPreviewer.expectation(decision, "matrix[" + i + "]").ifPresent(findings::add);
        }
        return new SimulationResult(decisions, findings);
    }

    /**
     * Adds the portal's restriction for one bucket to the bucket policy in force ({@code null}: none), keeping
     * every other statement as it is (see {@link BucketPolicyMerger} for the exact guarantee). Empty: nothing to
     * put (audit mode on a bucket without policy).
     */
    public Optional<String> mergeBucketPolicy(String existing, BucketPolicySpec spec) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!InputRules.isBucketName(spec.bucket())) {
            violations.add(new FieldViolation("bucket", "must be an S3 bucket name"));
        }
        if (spec.sources().isEmpty() || spec.sources().stream().anyMatch(s -> s == null || s.isBlank())) {
            violations.add(new FieldViolation("sources", "must name the endpoints, VPCs or organization to allow"));
        }
        checkSettings(null, spec.breakGlass(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return BucketPolicies.apply(existing, spec, "aws").document();
    }

    /** Removes one endpoint (or VPC) from the portal's statements. Empty: no statement left, delete the policy. */
    public Optional<String> removeFromBucketPolicy(String existing, String endpointOrVpcId) {
        return BucketPolicies.removeSource(existing, endpointOrVpcId);
    }

    /** Removes every portal statement. Empty: no statement left, delete the policy. */
    public Optional<String> removePortalStatements(String existing) {
        return BucketPolicyMerger.removePortalStatements(existing);
    }

    /** The canonical form of a policy (as provisioning sends it, and as diffs compare it). */
    public String canonical(String policy) {
        return PolicyPreviewer.canonicalOrAsIs(policy);
    }

    /** Line diff of two policies after bringing both to canonical form. */
    public PolicyDiff diff(String before, String after) {
        return LineDiff.between(before == null ? "" : canonical(before), after == null ? "" : canonical(after));
    }

    private static PolicyDocument document(String field, String text, List<FieldViolation> violations) {
        ParsedPolicy parsed = PolicyParser.parse(text);
        if (!parsed.valid()) {
            violations.add(new FieldViolation(field, "is not a valid policy: " + parsed.firstError()));
            return null;
        }
        return parsed.document();
    }

    private static void checkSettings(String organizationId, List<String> breakGlass, List<FieldViolation> violations) {
        if (organizationId != null && !organizationId.isBlank()
                && !InputRules.ORGANIZATION_ID.matcher(organizationId).matches()) {
            violations.add(new FieldViolation("organizationId", "must look like o- followed by 10 to 32 lowercase "
                    + "letters or digits"));
        }
        breakGlass.stream().filter(a -> a == null || !InputRules.BREAK_GLASS_ARN.matcher(a).matches()).findFirst()
                .ifPresent(a -> violations.add(new FieldViolation("breakGlassPrincipalArns",
                        "must be IAM role or user ARNs; '" + a + "' is not")));
    }
}
