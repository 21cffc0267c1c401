package io.vpcportal.policy;

import static io.vpcportal.policy.PolicyFixtures.management;
import static io.vpcportal.policy.PolicyFixtures.standard;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders templates/policy/fragments.html with real engine results, as the views will include it. */
class PolicyFragmentsTests {

    private static final SpringTemplateEngine ENGINE = engine();
    private final PolicyManagement policies = management();

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    private static String render(GeneratedPolicies generated, List<AccessDecision> decisions) {
        Context context = new Context();
        context.setVariable("policies", generated);
        context.setVariable("decisions", decisions);
        return ENGINE.process("policy/fragments-harness", context);
    }

    @Test
    void previewShowsTheDocumentsEscapedAndTheMatrixAsAnAccessibleTable() {
        GeneratedPolicies generated = policies.preview(standard());
        String html = render(generated, generated.matrix());
        assertThat(html).contains("Endpoint policy", "Bucket policy for <code>uploads-bucket</code>", ">enforced<")
                .contains("&quot;Sid&quot;: &quot;VpcePortalDenyUnlessSourceVpce&quot;")
                .contains("No findings: the policies pass every check.")
                .contains("<caption>Simulated requests").contains("<th scope=\"col\">Decision</th>")
                .contains("<th scope=\"row\"").contains("through this endpoint", "from outside the VPC")
                .contains("bucket policy › VpcePortalDenyUnlessSourceVpce")
                .contains(">allowed<", ">denied<");
        assertThat(html).doesNotContain("style=", "<script", "th:");
    }

    @Test
    void findingsAreGroupedBySeverityWithBadges() {
        GeneratedPolicies generated = policies.preview(new EndpointPolicyInput("us-east-1",
                "com.amazonaws.us-east-1.sqs", "Interface", "custom", null, null,
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:*\",\"Resource\":\"*\"}]}", null, null, null));
        assertThat(generated.errors()).isNotEmpty();
        assertThat(generated.suggestions()).isNotEmpty();
        String html = render(generated, List.of());
        assertThat(html).contains("text-bg-danger", "Errors (" + generated.errors().size() + ")", "block submission")
                .contains("text-bg-info", "Suggestions (" + generated.suggestions().size() + ")")
                .contains("<code class=\"me-1\">MISSING_PRINCIPAL</code>", "endpointPolicy.Statement[0]")
                .doesNotContain("Warnings (")
                .contains("No access to show.");
    }

    @Test
    void markupInPoliciesIsEscaped() {
        GeneratedPolicies generated = policies.preview(new EndpointPolicyInput("us-east-1",
                "com.amazonaws.us-east-1.sqs", "Interface", "custom", null, null,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"</code><script>alert(1)</script>\","
                        + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sqs:*\",\"Resource\":\"*\"}]}",
                null, null, null));
        String html = render(generated, generated.matrix());
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void dayTwoChangesShowAsADiffReadableWithoutColour() {
        String inForce = policies.preview(PolicyFixtures.input(PolicyFixtures.S3, "Gateway", "full-access", null, null, null))
                .endpointPolicy();
        GeneratedPolicies generated = policies.preview(standard().withOptions(new PreviewOptions(PolicyFixtures.VPC,
                List.of(PolicyFixtures.ENDPOINT), null, null, inForce, Map.of(PolicyFixtures.BUCKET, MergeFixtures.UNRELATED),
                null)));
        String html = render(generated, List.of());
        assertThat(html).contains("Changes to the endpoint policy in force", "Changes to the bucket policy in force")
                .contains("class=\"d-block bg-danger-subtle\">- ", "class=\"d-block bg-success-subtle\">+ ")
                .contains("&quot;Version&quot;: &quot;2008-10-17&quot;");
    }

    @Test
    void auditModeShowsTheStatementToComeAndWhatItWouldDeny() {
        GeneratedPolicies generated = policies.preview(standard().withOptions(new PreviewOptions(PolicyFixtures.VPC,
                List.of(PolicyFixtures.ENDPOINT), null, EnforcementMode.AUDIT, null, null, null)));
        String html = render(generated, List.of());
        assertThat(html).contains(">audit only<", "Statement to enforce later", "Once enforced, it would deny:")
                .contains("from outside the VPC");
    }

    @Test
    void expectationsThatFailAreMarkedInTheMatrix() {
        GeneratedPolicies generated = policies.preview(standard().withOptions(new PreviewOptions(PolicyFixtures.VPC,
                List.of(PolicyFixtures.ENDPOINT), null, null, null, null, List.of(new AccessCheck(
                        "arn:aws:iam::111111111111:role/app", "s3:PutObject", "arn:aws:s3:::uploads-bucket/x",
                        NetworkPath.OUTSIDE_VPC, true, null)))));
        String html = render(generated, generated.matrix());
        assertThat(html).contains("class=\"table-danger\"", "expected: allowed", "EXPECTED_ACCESS_DENIED");
    }
}
