package io.vpcportal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.aws.AwsActions;
import io.vpcportal.policy.internal.PolicyDocument;
import io.vpcportal.policy.internal.PolicyEvaluator;
import io.vpcportal.policy.internal.PolicyEvaluator.Effect;
import io.vpcportal.policy.internal.PolicyParser;
import io.vpcportal.policy.internal.ParsedPolicy;
import io.vpcportal.policy.internal.RequestContext;
import io.vpcportal.policy.internal.RequestPrincipal;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The roles in {@code deploy/}: the templates, the Terraform module and the docs show the one policy file each, and
 * the portal's own policy evaluator finds that the member-role policy allows every action the adapters call in member
 * accounts ({@link AwsActions#MEMBER_ROLE}) and no other action of the services involved; the same for the discovery
 * role and {@link AwsActions#DISCOVERY_ROLE}.
 */
class DeployedRolePoliciesTests {

    static final Path MEMBER_POLICY = Path.of("deploy", "policy", "member-role-policy.json");
    static final Path DISCOVERY_POLICY = Path.of("deploy", "policy", "discovery-role-policy.json");
    private static final RequestPrincipal ROLE = RequestPrincipal.parse("arn:aws:iam::111111111111:role/vpc-endpoint-portal")
            .orElseThrow();

    /** Resources and context keys the portal's calls carry; an action is allowed when one of these combinations is. */
    private static final List<String> RESOURCES = List.of("*",
            "arn:aws:ec2:eu-west-1:111111111111:vpc-endpoint/vpce-0123456789abcdef0",
            "arn:aws:ec2:eu-west-1:111111111111:vpc/vpc-0123456789abcdef0",
            "arn:aws:ec2:eu-west-1:111111111111:subnet/subnet-0123456789abcdef0",
            "arn:aws:ec2:eu-west-1:111111111111:route-table/rtb-0123456789abcdef0",
            "arn:aws:ec2:eu-west-1:111111111111:security-group/sg-0123456789abcdef0",
            "arn:aws:s3:::payments-exports", "arn:aws:s3:::flow-logs/AWSLogs/111111111111/vpcflowlogs/x.log.gz",
            "arn:aws:route53:::hostedzone/Z0123456789", "arn:aws:organizations::123456789012:account/o-abc/111111111111");
    private static final List<Map<String, List<String>>> KEYS = List.of(Map.of(),
            Map.of("aws:RequestTag/portal:request-id", List.of("r-1"), "ec2:CreateAction", List.of("CreateVpcEndpoint")),
            Map.of("aws:ResourceTag/portal:request-id", List.of("r-1")));

    @Test
    void theMemberRoleTemplateCarriesThePolicyFileVerbatim() throws IOException {
        Map<String, Object> template = CloudFormationYaml.read(Path.of("deploy", "cloudformation", "member-role.yaml"));
        Map<String, Object> role = at(template, "Resources", "PortalRole", "Properties");

        assertThat(inlinePolicy(role)).isEqualTo(CloudFormationYaml.read(MEMBER_POLICY));
        assertTrustsThePortalWithTheExternalId(role);
        assertThat(template.toString()).as("ready for a service-managed StackSet: no account id in it")
                .doesNotContainPattern("\\d{12}");
    }

    @Test
    void theDiscoveryRoleTemplateCarriesItsPolicyFileVerbatim() throws IOException {
        Map<String, Object> role = at(CloudFormationYaml.read(Path.of("deploy", "cloudformation", "discovery-role.yaml")),
                "Resources", "DiscoveryRole", "Properties");

        assertThat(inlinePolicy(role)).isEqualTo(CloudFormationYaml.read(DISCOVERY_POLICY));
        assertTrustsThePortalWithTheExternalId(role);
    }

    @Test
    void theTerraformModuleReadsThePolicyFile() throws IOException {
        Path module = Path.of("deploy", "terraform", "member-role");
        Matcher file = Pattern.compile("policy\\s*=\\s*file\\(\"\\$\\{path\\.module}/([^\"]+)\"\\)")
                .matcher(Files.readString(module.resolve("main.tf")));

        assertThat(file.find()).as("main.tf reads the policy with file(\"${path.module}/...\")").isTrue();
        assertThat(module.resolve(file.group(1)).normalize()).isEqualTo(MEMBER_POLICY);
        assertThat(Files.readString(module.resolve("main.tf"))).contains("\"sts:ExternalId\" = var.external_id");
        assertThat(module.resolve("variables.tf")).exists();
        assertThat(module.resolve("outputs.tf")).exists();
    }

    @Test
    void theDocsQuoteThePolicyFilesAndTheReadmeLinksToThem() throws IOException {
        String deployReadme = Files.readString(Path.of("deploy", "README.md"));

        assertThat(quoted(deployReadme, "member-role-policy")).isEqualTo(CloudFormationYaml.read(MEMBER_POLICY));
        assertThat(quoted(deployReadme, "discovery-role-policy")).isEqualTo(CloudFormationYaml.read(DISCOVERY_POLICY));
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).as("the README links to the one policy instead of showing a copy")
                .contains("(deploy/README.md)").doesNotContain("\"Sid\"").doesNotContain("ec2:CreateVpcEndpoint");
        String configuration = Files.readString(Path.of("docs", "configuration.md"));
        assertThat(configuration).as("the configuration guide links to the one policy instead of showing a copy")
                .contains("(../deploy/README.md)").doesNotContain("\"Sid\"").doesNotContain("ec2:CreateVpcEndpoint");
    }

    @Test
    void theMemberPolicyAllowsEveryActionTheAdaptersCallInMemberAccounts() throws IOException {
        PolicyDocument policy = policy(MEMBER_POLICY);

        assertThat(AwsActions.MEMBER_ROLE).allSatisfy(action ->
                assertThat(allowed(policy, action)).as("the member policy allows %s", action).isTrue());
    }

    @Test
    void theMemberPolicyAllowsNoOtherActionOfTheServicesItTouches() throws IOException {
        PolicyDocument policy = policy(MEMBER_POLICY);
        Set<String> others = everyOperation();
        others.removeAll(AwsActions.MEMBER_ROLE);
        others.addAll(List.of("iam:PassRole", "iam:CreateRole", "sts:AssumeRole", "s3:PutObject", "s3:DeleteBucket",
                "ec2:RunInstances", "organizations:ListAccounts"));

        assertThat(others).hasSizeGreaterThan(500).allSatisfy(action ->
                assertThat(allowed(policy, action)).as("the member policy must not allow %s", action).isFalse());
    }

    @Test
    void theDiscoveryPolicyAllowsExactlyTheOrganizationsCallsOfDiscovery() throws IOException {
        PolicyDocument policy = policy(DISCOVERY_POLICY);
        Set<String> others = everyOperation();
        others.removeAll(AwsActions.DISCOVERY_ROLE);

        assertThat(AwsActions.DISCOVERY_ROLE).allSatisfy(action ->
                assertThat(allowed(policy, action)).as("the discovery policy allows %s", action).isTrue());
        assertThat(others).allSatisfy(action ->
                assertThat(allowed(policy, action)).as("the discovery policy must not allow %s", action).isFalse());
    }

    static PolicyDocument policy(Path file) throws IOException {
        ParsedPolicy parsed = PolicyParser.parse(Files.readString(file));
        assertThat(parsed.valid()).as("%s: %s", file, parsed.firstError()).isTrue();
        return parsed.document();
    }

    static boolean allowed(PolicyDocument policy, String action) {
        for (String resource : RESOURCES) {
            for (Map<String, List<String>> keys : KEYS) {
                if (PolicyEvaluator.evaluate(policy, new RequestContext(ROLE, action, resource, keys)).effect() == Effect.ALLOW) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every operation of every SDK client the portal uses, as IAM actions. */
    static Set<String> everyOperation() {
        Map<String, Class<?>> clients = Map.of("ec2", Ec2Client.class, "s3", S3Client.class, "route53", Route53Client.class,
                "cloudwatch", CloudWatchClient.class, "organizations", OrganizationsClient.class, "sts", StsClient.class);
        Set<String> all = new TreeSet<>();
        clients.forEach((service, client) -> {
            for (Method m : client.getMethods()) {
                if (m.getParameterCount() == 1 && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])) {
                    String op = m.getName();
                    all.add(AwsActions.iamAction(service + ":" + Character.toUpperCase(op.charAt(0)) + op.substring(1)));
                }
            }
        });
        return all;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inlinePolicy(Map<String, Object> role) {
        List<Map<String, Object>> policies = (List<Map<String, Object>>) role.get("Policies");
        assertThat(policies).hasSize(1);
        assertThat(role).doesNotContainKey("ManagedPolicyArns");
        return (Map<String, Object>) policies.get(0).get("PolicyDocument");
    }

    @SuppressWarnings("unchecked")
    private static void assertTrustsThePortalWithTheExternalId(Map<String, Object> role) {
        Map<String, Object> trust = (Map<String, Object>) role.get("AssumeRolePolicyDocument");
        List<Map<String, Object>> statements = (List<Map<String, Object>>) trust.get("Statement");
        assertThat(statements).hasSize(1);
        Map<String, Object> statement = statements.get(0);
        assertThat(statement).containsEntry("Effect", "Allow").containsEntry("Action", "sts:AssumeRole")
                .containsEntry("Principal", Map.of("AWS", Map.of("!Ref", "PortalPrincipalArn")))
                .containsEntry("Condition", Map.of("StringEquals", Map.of("sts:ExternalId", Map.of("!Ref", "ExternalId"))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> map, String... path) {
        Map<String, Object> current = map;
        for (String key : path) {
            assertThat(current).as("template element %s", key).containsKey(key);
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }

    /** The JSON block after the {@code <!-- name: ... -->} marker, read as YAML (JSON is YAML). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> quoted(String markdown, String marker) {
        Matcher block = Pattern.compile("<!-- " + marker + ":[^>]*-->\\s*```json\\n(.*?)\\n```", Pattern.DOTALL)
                .matcher(markdown);
        assertThat(block.find()).as("a ```json block after <!-- %s: ... -->", marker).isTrue();
        return (Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(block.group(1));
    }
}
