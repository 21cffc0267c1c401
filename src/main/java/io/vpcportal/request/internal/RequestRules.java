package io.vpcportal.request.internal;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.catalog.CatalogManagement;
import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.catalog.EndpointType;
import io.vpcportal.catalog.PolicyChoice;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.TextRules;
import io.vpcportal.platform.cache.ReferenceVersions;
import io.vpcportal.policy.EndpointPolicyInput;
import io.vpcportal.policy.PolicyManagement;
import io.vpcportal.request.ItemDraft;
import io.vpcportal.request.RequestDraft;
import io.vpcportal.shared.AwsAccountId;
import io.vpcportal.shared.AwsRegion;
import io.vpcportal.shared.AwsResourceIds;
import io.vpcportal.shared.TeamId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Every rule a request must meet before it is stored, for the form and the API alike. All broken rules are
 * reported at once, each on the field that breaks it, with the payload's property path.
 * <p>
 * Over 400 lines on purpose: it is one use case (checking a draft), and every field rule sits together so that the
 * form and the API report the same violations on the same property paths in one pass; split by field, the rules
 * would each need the draft, the account and the templates again, and the order of violations would scatter.
 */
@Component
public class RequestRules {

    static final int MAX_ITEMS = 10;
    static final int MAX_TEXT = 2000;
    static final int MAX_IDS = 20;
    static final int MAX_SECURITY_GROUPS = 5;
    static final int MAX_TAGS = 20;
    static final BigDecimal MAX_MONTHLY_GB = new BigDecimal("10000000");
    private static final Pattern BUCKET = Pattern.compile("(?!xn--)(?!sthree-)(?!.*-s3alias$)(?!.*--ol-s3$)"
            + "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_LIKE = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    private static final Pattern TABLE = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");
    private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{0,256}");
    private static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    private final CatalogManagement catalog;
    private final AccountManagement accounts;
    private final PolicyManagement policies;
    private final ReferenceVersions versions;

    RequestRules(CatalogManagement catalog, AccountManagement accounts, PolicyManagement policies,
            ReferenceVersions versions) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.policies = policies;
        this.versions = versions;
    }

    /** A request that passed every rule, with each item's template version and service name resolved. */
    public record CheckedRequest(RequestDraft draft, List<CheckedItem> items) {
    }

    public record CheckedItem(ItemDraft draft, EndpointTemplateDetails template, String serviceName, PolicyChoice policy) {
    }

    /**
     * Checks {@code draft} against every rule. Its look-ups of the account and of each template confirm their cached
     * copies against one read of the reference versions (they change none of them), not one read per look-up.
     */
    public CheckedRequest check(RequestDraft draft, PortalPrincipal requester) {
        return versions.readingOnce(() -> checkAll(draft, requester));
    }

    private CheckedRequest checkAll(RequestDraft draft, PortalPrincipal requester) {
        List<FieldViolation> v = new ArrayList<>();
        Optional<AccountDetails> account = checkTeamAndAccount(draft, requester, v);
        String region = draft.region();
        if (blank(region)) {
            v.add(new FieldViolation("region", "must not be blank"));
        } else if (!AwsRegion.isKnown(region)) {
            v.add(new FieldViolation("region", "is not a known AWS region"));
        } else if (account.isPresent() && !account.get().allowsRegion(region)) {
            v.add(new FieldViolation("region", "is not allowed in account " + account.get().id() + "; allowed: "
                    + String.join(", ", account.get().regions())));
        }
        checkId("vpcId", draft.vpcId(), AwsResourceIds.VPC, true, v);
        checkId("natGatewayId", draft.natGatewayId(), AwsResourceIds.NAT_GATEWAY, false, v);
        if (draft.title() != null && draft.title().length() > 120) {
            v.add(new FieldViolation("title", "must be at most 120 characters"));
        } else if (hasNul(draft.title())) {
            v.add(new FieldViolation("title", NUL_MESSAGE));
        }
        if (blank(draft.justification())) {
            v.add(new FieldViolation("justification", "must say why the team needs these endpoints"));
        } else if (draft.justification().length() > MAX_TEXT) {
            v.add(new FieldViolation("justification", "must be at most " + MAX_TEXT + " characters"));
        } else if (hasNul(draft.justification())) {
            v.add(new FieldViolation("justification", NUL_MESSAGE));
        }
        BigDecimal gb = draft.expectedMonthlyGb();
        if (gb != null && (gb.signum() < 0 || gb.compareTo(MAX_MONTHLY_GB) > 0)) {
            v.add(new FieldViolation("expectedMonthlyGb", "must be between 0 and 10000000 GB per month"));
        } else if (gb != null && gb.scale() > 3) {
            v.add(new FieldViolation("expectedMonthlyGb", "must have at most 3 decimals"));
        } else if (gb != null && MonthlyGb.anyItemGives(draft.items())
                && gb.compareTo(MonthlyGb.sum(draft.items())) != 0) {
            v.add(new FieldViolation("expectedMonthlyGb", "must be the sum of the endpoints' expectedMonthlyGb ("
                    + MonthlyGb.sum(draft.items()).stripTrailingZeros().toPlainString() + "), or left out"));
        }
        if (Boolean.TRUE.equals(draft.natGatewayRemoved()) && blank(draft.natGatewayId())) {
            v.add(new FieldViolation("natGatewayRemoved", "needs the id of the NAT gateway that will be removed (natGatewayId)"));
        }
        List<CheckedItem> items = checkItems(draft, AwsRegion.isKnown(region) ? region : null, v);
        if (v.isEmpty() && account.isPresent()) {
            checkPolicies(draft, account.get(), items, v);
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return new CheckedRequest(draft, items);
    }

    /** The generated (or pasted) endpoint policy must have no ERROR finding: those block submission. */
    private void checkPolicies(RequestDraft draft, AccountDetails account, List<CheckedItem> items,
            List<FieldViolation> v) {
        for (int i = 0; i < items.size(); i++) {
            CheckedItem item = items.get(i);
            String field = "items[" + i + "]." + (item.policy() == PolicyChoice.CUSTOM ? "customPolicy" : "policyChoice");
            try {
                policies.blockingFindings(new EndpointPolicyInput(draft.region(),
                        item.serviceName(), item.template().endpointType().name(), item.policy().key(),
                        item.draft().bucketNames(), item.draft().tableNames(), item.draft().customPolicy(),
                        account.organizationId(), List.copyOf(account.breakGlassPrincipalArns()), account.id()))
                        .forEach(f -> v.add(new FieldViolation(field, f.message())));
            } catch (InvalidInputException e) {
                e.violations().forEach(x -> v.add(new FieldViolation(field, x.message())));
            }
        }
    }

    private Optional<AccountDetails> checkTeamAndAccount(RequestDraft draft, PortalPrincipal requester,
            List<FieldViolation> v) {
        boolean teamOk = false;
        if (blank(draft.team())) {
            v.add(new FieldViolation("team", "must not be blank"));
        } else if (!TeamId.isValid(draft.team()) || !requester.isMemberOf(new TeamId(draft.team()))) {
            v.add(new FieldViolation("team", "must be one of your teams"
                    + (requester.teams().isEmpty() ? " (you belong to none: ask an admin)" : ": "
                    + String.join(", ", requester.teams().stream().map(TeamId::value).sorted().toList()))));
        } else {
            teamOk = true;
        }
        if (blank(draft.accountId())) {
            v.add(new FieldViolation("accountId", "must not be blank"));
            return Optional.empty();
        }
        if (!AwsAccountId.isValid(draft.accountId())) {
            v.add(new FieldViolation("accountId", "must be exactly 12 digits"));
            return Optional.empty();
        }
        Optional<AccountDetails> account = accounts.find(draft.accountId());
        if (account.isEmpty()) {
            v.add(new FieldViolation("accountId", "is not registered in the portal"));
        } else if (!account.get().active()) {
            v.add(new FieldViolation("accountId", "is inactive ("
                    + (account.get().inactiveReason() == null ? "no longer in use" : account.get().inactiveReason())
                    + "): choose an active account"));
        } else if (teamOk && !account.get().usableBy(new TeamId(draft.team()))) {
            v.add(new FieldViolation("accountId", "may not be used by team " + draft.team()));
        }
        return account;
    }

    private List<CheckedItem> checkItems(RequestDraft draft, String region, List<FieldViolation> v) {
        List<CheckedItem> checked = new ArrayList<>();
        if (draft.items().isEmpty()) {
            v.add(new FieldViolation("items", "must contain at least one endpoint"));
            return checked;
        }
        if (draft.items().size() > MAX_ITEMS) {
            v.add(new FieldViolation("items", "must contain at most " + MAX_ITEMS + " endpoints"));
            return checked;
        }
        Set<String> seenTemplates = new HashSet<>();
        for (int i = 0; i < draft.items().size(); i++) {
            ItemDraft item = draft.items().get(i);
            String at = "items[" + i + "].";
            if (item == null) {
                v.add(new FieldViolation("items[" + i + "]", "must not be null"));
                continue;
            }
            if (blank(item.templateKey())) {
                v.add(new FieldViolation(at + "templateKey", "must not be blank"));
                continue;
            }
            Optional<EndpointTemplateDetails> found = item.templateKey().length() <= 64
                    ? catalog.current(item.templateKey()) : Optional.empty();
            if (found.isEmpty() || found.get().retired()) {
                v.add(new FieldViolation(at + "templateKey", found.isEmpty() ? "is not a template in the catalog"
                        : "is retired: the catalog no longer offers it"));
                continue;
            }
            EndpointTemplateDetails template = found.get();
            if (!seenTemplates.add(template.key())) {
                v.add(new FieldViolation(at + "templateKey", "is already requested in this request"));
            }
            String serviceName = checkLocation(template, item, region, at, v);
            checkPlacement(template, item, at, v);
            PolicyChoice policy = checkPolicy(template, item, at, v);
            checkTags(item.tags(), at, v);
            checkMonthlyGb(item.expectedMonthlyGb(), at + "expectedMonthlyGb", v);
            checked.add(new CheckedItem(item, template, serviceName, policy));
        }
        return checked;
    }

    /** The template must exist where the VPC is, or, for a cross-region endpoint, in its service region. */
    private String checkLocation(EndpointTemplateDetails template, ItemDraft item, String region, String at,
            List<FieldViolation> v) {
        String serviceRegion = blank(item.serviceRegion()) ? null : item.serviceRegion();
        if (serviceRegion != null) {
            if (!template.crossRegionSupported()) {
                v.add(new FieldViolation(at + "serviceRegion", template.name()
                        + " cannot be reached across regions: leave the service region empty"));
                return null;
            }
            if (!AwsRegion.isKnown(serviceRegion)) {
                v.add(new FieldViolation(at + "serviceRegion", "is not a known AWS region"));
                return null;
            }
            if (serviceRegion.equals(region)) {
                v.add(new FieldViolation(at + "serviceRegion", "is the VPC's own region: leave it empty"));
                return null;
            }
            if (!template.availableIn(serviceRegion)) {
                v.add(new FieldViolation(at + "serviceRegion", template.name() + " exists only in "
                        + String.join(", ", template.regions())));
                return null;
            }
            return template.serviceNameIn(serviceRegion).orElse(null);
        }
        if (region == null) {
            return null;
        }
        if (!template.availableIn(region)) {
            String where = String.join(", ", template.regions());
            v.add(new FieldViolation(at + "templateKey", template.crossRegionSupported()
                    ? template.name() + " does not exist in " + region + "; it exists in " + where
                      + ". " + template.provider() + " supports a cross-region endpoint: set the service region to one of these."
                    : template.name() + " does not exist in " + region + "; it exists in " + where));
            return null;
        }
        return template.serviceNameIn(region).orElse(null);
    }

    private static void checkPlacement(EndpointTemplateDetails template, ItemDraft item, String at,
            List<FieldViolation> v) {
        if (template.endpointType() == EndpointType.Gateway) {
            if (item.routeTableIds().isEmpty()) {
                v.add(new FieldViolation(at + "routeTableIds", "a gateway endpoint needs at least one route table"));
            }
            if (!item.subnetIds().isEmpty()) {
                v.add(new FieldViolation(at + "subnetIds", "a gateway endpoint takes route tables, not subnets"));
            }
            if (!item.securityGroupIds().isEmpty()) {
                v.add(new FieldViolation(at + "securityGroupIds", "a gateway endpoint has no security groups"));
            }
            if (Boolean.TRUE.equals(item.privateDns())) {
                v.add(new FieldViolation(at + "privateDns", "a gateway endpoint has no private DNS"));
            }
        } else {
            if (item.subnetIds().isEmpty()) {
                v.add(new FieldViolation(at + "subnetIds", "an interface endpoint needs at least one subnet"));
            }
            if (!item.routeTableIds().isEmpty()) {
                v.add(new FieldViolation(at + "routeTableIds", "an interface endpoint takes subnets, not route tables"));
            }
            if (item.securityGroupIds().size() > MAX_SECURITY_GROUPS) {
                v.add(new FieldViolation(at + "securityGroupIds", "must name at most " + MAX_SECURITY_GROUPS
                        + " security groups"));
            }
            if (template.field("securityGroupIds").map(f -> f.required()).orElse(false)
                    && item.securityGroupIds().isEmpty()) {
                v.add(new FieldViolation(at + "securityGroupIds", "must name at least one security group"));
            }
        }
        checkIds(at + "routeTableIds", item.routeTableIds(), AwsResourceIds.ROUTE_TABLE, v);
        checkIds(at + "subnetIds", item.subnetIds(), AwsResourceIds.SUBNET, v);
        checkIds(at + "securityGroupIds", item.securityGroupIds(), AwsResourceIds.SECURITY_GROUP, v);
    }

    private static PolicyChoice checkPolicy(EndpointTemplateDetails template, ItemDraft item, String at,
            List<FieldViolation> v) {
        PolicyChoice policy = blank(item.policyChoice()) ? template.defaultPolicy()
                : PolicyChoice.fromKey(item.policyChoice()).orElse(null);
        if (policy == null) {
            v.add(new FieldViolation(at + "policyChoice", "must be one of full-access, organization, s3-buckets, "
                    + "dynamodb-tables, read-only, custom"));
            return null;
        }
        boolean s3 = template.hasField("bucketNames");
        boolean dynamo = template.hasField("tableNames");
        if (policy == PolicyChoice.S3_BUCKETS && !s3) {
            v.add(new FieldViolation(at + "policyChoice", "s3-buckets applies to S3 endpoints only"));
        }
        if (policy == PolicyChoice.DYNAMODB_TABLES && !dynamo) {
            v.add(new FieldViolation(at + "policyChoice", "dynamodb-tables applies to DynamoDB endpoints only"));
        }
        if (policy == PolicyChoice.S3_BUCKETS && s3 && item.bucketNames().isEmpty()) {
            v.add(new FieldViolation(at + "bucketNames", "must name at least one bucket for the s3-buckets policy"));
        }
        if (!s3 && !item.bucketNames().isEmpty()) {
            v.add(new FieldViolation(at + "bucketNames", "only S3 endpoints take bucket names"));
        }
        if (!dynamo && !item.tableNames().isEmpty()) {
            v.add(new FieldViolation(at + "tableNames", "only DynamoDB endpoints take table names"));
        }
        checkEach(at + "bucketNames", item.bucketNames(), MAX_IDS,
                b -> BUCKET.matcher(b).matches() && !IP_LIKE.matcher(b).matches() && !b.contains(".."),
                "must be valid S3 bucket names (3 to 63 lowercase letters, digits, dots or hyphens)", v);
        checkEach(at + "tableNames", item.tableNames(), MAX_IDS, t -> TABLE.matcher(t).matches(),
                "must be valid DynamoDB table names (3 to 255 letters, digits, _ . -)", v);
        if (policy == PolicyChoice.CUSTOM) {
            if (blank(item.customPolicy())) {
                v.add(new FieldViolation(at + "customPolicy", "must hold the policy JSON for the custom policy"));
            } else if (item.customPolicy().length() > 20480) {
                v.add(new FieldViolation(at + "customPolicy", "must be at most 20480 characters (the endpoint policy limit)"));
            } else if (hasNul(item.customPolicy()) || !JsonSyntax.isObject(item.customPolicy())) {
                v.add(new FieldViolation(at + "customPolicy", "must be a JSON object"));
            }
        } else if (!blank(item.customPolicy())) {
            v.add(new FieldViolation(at + "customPolicy", "is only used with the custom policy choice"));
        }
        return policy;
    }

    private static void checkMonthlyGb(BigDecimal gb, String field, List<FieldViolation> v) {
        if (gb == null) {
            return;
        }
        if (gb.signum() < 0 || gb.compareTo(MAX_MONTHLY_GB) > 0) {
            v.add(new FieldViolation(field, "must be between 0 and 10000000 GB per month"));
        } else if (gb.stripTrailingZeros().scale() > 3) {
            v.add(new FieldViolation(field, "must have at most 3 decimals"));
        }
    }

    private static void checkTags(Map<String, String> tags, String at, List<FieldViolation> v) {
        if (tags.size() > MAX_TAGS) {
            v.add(new FieldViolation(at + "tags", "must have at most " + MAX_TAGS + " tags"));
            return;
        }
        for (Map.Entry<String, String> tag : new TreeMap<>(tags).entrySet()) {
            String key = tag.getKey();
            if (!TAG_KEY.matcher(key).matches() || key.toLowerCase().startsWith("aws:")
                    || key.toLowerCase().startsWith("portal:")) {
                v.add(new FieldViolation(at + "tags", "tag key '" + abbreviate(key)
                        + "' must be 1 to 128 letters, digits, spaces or _.:/=+-@ and not start with aws: or portal:"));
            } else if (tag.getValue() == null || !TAG_VALUE.matcher(tag.getValue()).matches()) {
                v.add(new FieldViolation(at + "tags", "value of tag '" + key
                        + "' must be at most 256 letters, digits, spaces or _.:/=+-@"));
            }
        }
    }

    private static void checkId(String field, String id, AwsResourceIds kind, boolean required, List<FieldViolation> v) {
        if (blank(id)) {
            if (required) {
                v.add(new FieldViolation(field, "must not be blank"));
            }
        } else if (!kind.matches(id)) {
            v.add(new FieldViolation(field, kind.formatMessage()));
        }
    }

    private static void checkIds(String field, List<String> ids, AwsResourceIds kind, List<FieldViolation> v) {
        checkEach(field, ids, MAX_IDS, kind::matches, "each " + kind.formatMessage(), v);
    }

    private static void checkEach(String field, List<String> values, int max, Predicate<String> ok,
            String message, List<FieldViolation> v) {
        if (values.size() > max) {
            v.add(new FieldViolation(field, "must name at most " + max));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (value == null || !ok.test(value)) {
                v.add(new FieldViolation(field, message + "; '" + abbreviate(value) + "' is not"));
                return;
            }
            if (!seen.add(value)) {
                v.add(new FieldViolation(field, "names '" + value + "' twice"));
                return;
            }
        }
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** PostgreSQL text cannot hold U+0000: without this check the insert fails with a server error. */
    private static boolean hasNul(String s) {
        return TextRules.containsNul(s);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
