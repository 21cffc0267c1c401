package io.vpcportal.policy.internal;

import io.vpcportal.policy.AccessCheck;
import io.vpcportal.policy.AccessDecision;
import io.vpcportal.policy.BucketPolicy;
import io.vpcportal.policy.BucketPolicySpec;
import io.vpcportal.policy.EnforcementMode;
import io.vpcportal.policy.Finding;
import io.vpcportal.policy.FindingCode;
import io.vpcportal.policy.GeneratedPolicies;
import io.vpcportal.policy.PolicyDiff;
import io.vpcportal.policy.PolicyKind;
import io.vpcportal.policy.PreviewOptions;
import io.vpcportal.policy.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Generates, validates and simulates everything for one checked request item. */
public final class PolicyPreviewer {

    private final PolicyRequest r;
    private final Instant now;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, PolicyDocument> bucketDocuments = new HashMap<>();

    private PolicyPreviewer(PolicyRequest request, Instant now) {
        this.r = request;
        this.now = now;
    }

    public static GeneratedPolicies preview(PolicyRequest request, Instant now) {
        return new PolicyPreviewer(request, now).run(true);
    }

    /**
     * Only what decides whether the item may be stored: the documents and every finding, without the default access
     * matrix and the diff, which add no finding (a contradicted expected access does, and is still checked).
     */
    public static List<Finding> findings(PolicyRequest request, Instant now) {
        return new PolicyPreviewer(request, now).run(false).findings();
    }

    private GeneratedPolicies run(boolean whole) {
        String endpointPolicy = null;
        PolicyDocument endpointDocument = null;
        if (!r.takesEndpointPolicy()) {
            findings.add(Finding.of(Severity.SUGGESTION, FindingCode.NO_ENDPOINT_POLICY, "GatewayLoadBalancer".equals(
                    r.endpointType()) ? "Gateway Load Balancer endpoints take no endpoint policy"
                    : "AWS allows full access through endpoints of partner services: the provider decides who gets in",
                    "endpointPolicy"));
        } else {
            if (r.template() == PolicyTemplate.ORGANIZATION && r.organizationId() == null) {
                findings.add(Finding.of(Severity.WARNING, FindingCode.NO_ORGANIZATION_ID, "The account has no AWS "
                        + "Organization id, so the perimeter is the account " + r.accountId() + " alone: identities and "
                        + "resources of other accounts of the organization are refused. An admin can set the id on the account.",
                        "policyChoice"));
            }
            endpointPolicy = r.template() == PolicyTemplate.CUSTOM ? canonicalOrAsIs(r.customPolicy())
                    : CanonicalJson.write(EndpointPolicyGenerator.generate(r));
            ParsedPolicy parsed = PolicyParser.parse(endpointPolicy);
            PolicyValidator.validate(endpointPolicy, parsed, context(PolicyKind.ENDPOINT, null))
                    .forEach(f -> findings.add(f.under("endpointPolicy")));
            endpointDocument = parsed.valid() ? parsed.document() : null;
        }
        List<BucketPolicy> buckets = new ArrayList<>();
        if (r.s3()) {
            r.buckets().forEach(b -> buckets.add(bucketPolicy(b)));
        }
        AccessSimulator simulator = new AccessSimulator(simulation(), endpointDocument, bucketDocuments::get);
        List<AccessDecision> matrix = whole ? new ArrayList<>(DefaultMatrix.rows(r).stream().map(simulator::decide).toList())
                : new ArrayList<>();
        for (int i = 0; i < r.expectedAccesses().size(); i++) {
            AccessDecision decision = simulator.decide(r.expectedAccesses().get(i));
            matrix.add(decision);
            expectation(decision, "expectedAccesses[" + i + "]").ifPresent(findings::add);
        }
        PolicyDiff diff = !whole || r.currentEndpointPolicy() == null || endpointPolicy == null ? null
                : LineDiff.between(canonicalOrAsIs(r.currentEndpointPolicy()), endpointPolicy);
        return new GeneratedPolicies(endpointPolicy, buckets, findings, matrix, diff);
    }

    private BucketPolicy bucketPolicy(String bucket) {
        String at = "bucketPolicies[" + bucket + "]";
        String current = r.currentBucketPolicies().get(bucket);
        BucketPolicySpec spec = new BucketPolicySpec(bucket, r.restriction(), sources(), r.breakGlass(), r.enforcement());
        BucketPolicies.Merged merged = BucketPolicies.apply(current, spec, r.partition());
        String document = merged.document().orElse(null);
        if (document != null) {
            ParsedPolicy parsed = PolicyParser.parse(document);
            PolicyValidator.validate(document, parsed, context(PolicyKind.BUCKET, bucket))
                    .forEach(f -> findings.add(f.under(at)));
            if (parsed.valid()) {
                bucketDocuments.put(bucket, parsed.document());
            }
        }
        List<AccessDecision> audit = List.of();
        if (!merged.enforced()) {
            audit = auditReport(bucket, current, merged);
            findings.add(Finding.of(Severity.SUGGESTION, FindingCode.AUDIT_ONLY, "is staged in audit form: nothing is "
                    + "denied yet; once enforced, " + audit.size() + " of the listed accesses would be denied", at));
        }
        PolicyDiff diff = current == null || current.isBlank() ? null
                : LineDiff.between(writtenAsParsed(current), document == null ? "" : document);
        return new BucketPolicy(bucket, document, CanonicalJson.write(merged.statement()), r.restriction(),
                merged.enforced() ? EnforcementMode.ENFORCE : EnforcementMode.AUDIT, audit, diff);
    }

    /** The accesses to this bucket the statement would deny once enforced. */
    private List<AccessDecision> auditReport(String bucket, String current, BucketPolicies.Merged merged) {
        String enforced = BucketPolicyMerger.merge(current, List.of(merged.statement())).orElseThrow();
        PolicyDocument document = PolicyParser.parse(enforced).document();
        AccessSimulator simulator = new AccessSimulator(simulation(), null, b -> b.equals(bucket) ? document : null);
        List<AccessCheck> rows = new ArrayList<>(DefaultMatrix.rows(r));
        rows.addAll(r.expectedAccesses());
        String arn = ":s3:::" + bucket;
        return rows.stream().filter(c -> c.resource().endsWith(arn) || c.resource().contains(arn + "/"))
                .map(simulator::decide).filter(d -> !d.allowed() && "bucket policy".equals(d.policy())
                        && d.statement() != null).toList();
    }

    private List<String> sources() {
        return switch (r.restriction()) {
            case SOURCE_VPCE -> r.endpointIds().isEmpty() ? List.of(PreviewOptions.PENDING_ENDPOINT_ID) : r.endpointIds();
            case SOURCE_VPC -> List.of(r.vpcId());
            case VPCE_ORG_ID -> List.of(r.organizationId());
        };
    }

    /** A finding when the decision contradicts the requester's expectation. */
    public static Optional<Finding> expectation(AccessDecision decision, String path) {
        if (decision.meetsExpectation()) {
            return Optional.empty();
        }
        AccessCheck c = decision.check();
        String row = c.principal() + " " + c.action() + " on " + c.resource() + " (" + c.path() + ")";
        return Optional.of(decision.allowed()
                ? Finding.of(Severity.WARNING, FindingCode.UNEXPECTED_ACCESS_ALLOWED, row
                        + " should be impossible but is allowed: " + decision.reason() + " (" + decision.decidedBy() + ")", path)
                : Finding.of(Severity.ERROR, FindingCode.EXPECTED_ACCESS_DENIED, row + " is needed but denied: "
                        + decision.reason() + " (" + decision.decidedBy() + ")", path));
    }

    private SimulationContext simulation() {
        return new SimulationContext(r.accountId(), r.organizationId(), context(PolicyKind.ENDPOINT, null)
                .simulation().organizationAccounts(), r.vpcId(),
                r.endpointIds().isEmpty() ? null : r.endpointIds().get(0), now);
    }

    private ValidationContext context(PolicyKind kind, String bucket) {
        return new ValidationContext(kind, r.serviceName(), r.endpointType(), r.region(), r.accountId(),
                r.organizationId(), r.breakGlass(), bucket, now);
    }

    /** The canonical form of a policy given as text, or the text itself when it is not a policy-shaped object. */
    public static String canonicalOrAsIs(String text) {
        ParsedPolicy parsed = PolicyParser.parse(text);
        if (parsed.root() == null || !parsed.root().isObject() || parsed.root().get("Statement") == null) {
            return text;
        }
        try {
            return CanonicalJson.write(PolicyCanonicalizer.canonicalize(parsed.root()));
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String writtenAsParsed(String text) {
        try {
            return CanonicalJson.write(CanonicalJson.parse(text));
        } catch (CanonicalJson.InvalidJson e) {
            return text;
        }
    }
}
