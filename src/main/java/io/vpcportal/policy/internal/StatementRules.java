package io.vpcportal.policy.internal;

import io.vpcportal.policy.Finding;
import io.vpcportal.policy.FindingCode;
import io.vpcportal.policy.PolicyKind;
import io.vpcportal.policy.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The portal's rules for one statement of an endpoint or bucket policy. */
final class StatementRules {

    /** Global keys whose values AWS generates; endpoint policies may not match them with wildcards or numbers. */
    private static final Set<String> SYSTEM_IDENTIFIER_KEYS = Set.of("aws:principalaccount", "aws:principalorgid",
            "aws:resourceaccount", "aws:resourceorgid", "aws:sourceaccount", "aws:sourceorgid", "aws:sourcevpc",
            "aws:sourcevpce", "aws:vpceaccount", "aws:vpceorgid", "aws:userid");
    private static final String ENDPOINT_RULES = " (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html)";

    private StatementRules() {
    }

    static void check(Statement s, ValidationContext context, List<Finding> findings) {
        boolean endpoint = context.kind() == PolicyKind.ENDPOINT;
        String what = endpoint ? "an endpoint policy" : "a bucket policy";
        if (s.principal() == null) {
            findings.add(Finding.of(Severity.ERROR, FindingCode.MISSING_PRINCIPAL, "has no Principal: every statement of "
                    + what + " must name one (\"*\" with a condition is the usual form)", s.path()));
        }
        Optional<String> prefix = endpoint ? AwsServices.actionPrefix(context.serviceName()) : Optional.of("s3");
        prefix.ifPresent(p -> foreignActions(s, p, findings));
        if (s.allow() && s.principal() != null && s.principal().everyone() && !s.notPrincipal()
                && s.conditions().isEmpty()) {
            wildcardPrincipal(s, endpoint, findings);
        }
        if (s.allow() && !s.notAction() && s.actions().stream().anyMatch(a -> a.equals("*") || a.equals("*:*"))
                && (s.notResource() || s.resources().contains("*"))) {
            findings.add(Finding.of(s.conditions().isEmpty() ? Severity.WARNING : Severity.SUGGESTION,
                    FindingCode.ALLOW_ALL_ACTIONS, "allows every action of every service on every resource"
                    + (s.conditions().isEmpty() ? "" : " (to the callers its condition admits)")
                    + ": list the actions the workloads need", s.path() + ".Action"));
        }
        if (endpoint) {
            endpointRestrictions(s, context, findings);
        }
    }

    private static void foreignActions(Statement s, String prefix, List<Finding> findings) {
        if (s.notAction()) {
            return;
        }
        List<String> foreign = s.actions().stream().filter(a -> !a.equals("*") && a.contains(":"))
                .filter(a -> !a.substring(0, a.indexOf(':')).equalsIgnoreCase(prefix)).toList();
        if (!foreign.isEmpty()) {
            findings.add(Finding.of(Severity.WARNING, FindingCode.ACTION_NOT_IN_SERVICE, String.join(", ", foreign)
                    + (foreign.size() == 1 ? " is" : " are") + " not " + prefix
                    + " actions: requests of other services never pass here, so the statement does not do what it says",
                    s.path() + ".Action"));
        }
    }

    private static void wildcardPrincipal(Statement s, boolean endpoint, List<Finding> findings) {
        if (!endpoint) {
            findings.add(Finding.of(Severity.ERROR, FindingCode.WILDCARD_PRINCIPAL_NO_CONDITION,
                    "allows everyone, anonymous callers included, without any condition: the bucket becomes public",
                    s.path() + ".Principal"));
            return;
        }
        boolean awsOwnedOnly = !s.notResource() && !s.resources().isEmpty() && s.resources().stream()
                .allMatch(r -> r.matches("arn:aws(-[a-z]+)*:s3:::[^/]+/\\*") && AwsOwnedBuckets.isAwsOwned(
                        r.substring(r.indexOf(":::") + 3, r.indexOf('/'))));
        if (!awsOwnedOnly) {
            findings.add(Finding.of(Severity.WARNING, FindingCode.WILDCARD_PRINCIPAL_NO_CONDITION,
                    "lets any principal use the endpoint, also with credentials of other organizations: add a "
                            + "condition such as aws:PrincipalOrgID or aws:PrincipalAccount", s.path() + ".Principal"));
        }
    }

    private static void endpointRestrictions(Statement s, ValidationContext context, List<Finding> findings) {
        for (Condition c : s.conditions()) {
            String at = s.path() + ".Condition." + c.operator().text() + "." + c.key();
            boolean systemKey = SYSTEM_IDENTIFIER_KEYS.contains(c.key().toLowerCase(Locale.ROOT));
            if (systemKey && (c.operator().base().kind() == ConditionOperator.Kind.NUMERIC
                    || c.values().stream().anyMatch(Glob::hasWildcard))) {
                restriction("matches " + c.key() + " with a wildcard or a numeric operator, which AWS rejects in "
                        + "endpoint policies for keys holding system-generated identifiers", at, findings);
            }
            if (c.operator().base().kind() == ConditionOperator.Kind.STRING_LIKE) {
                c.values().stream().filter(Glob::hasWildcard).filter(v -> literalPrefix(v) < 6).findFirst()
                        .ifPresent(v -> restriction("'" + v + "' has fewer than six characters before its first "
                                + "wildcard, which AWS rejects in endpoint policies", at, findings));
            }
            if (c.operator().base().kind() == ConditionOperator.Kind.ARN) {
                c.values().stream().filter(StatementRules::mixedAccount).findFirst().ifPresent(v ->
                        restriction("'" + v + "' mixes an account id and a wildcard in its account part", at, findings));
            }
        }
        if (!s.notResource()) {
            s.resources().stream().filter(StatementRules::mixedAccount).findFirst().ifPresent(v ->
                    restriction("'" + v + "' mixes an account id and a wildcard in its account part", s.path()
                            + ".Resource", findings));
        }
        if ("Gateway".equals(context.endpointType()) && s.principal() != null && !s.principal().everyone()) {
            findings.add(Finding.of(Severity.WARNING, FindingCode.ENDPOINT_POLICY_RESTRICTION,
                    "names specific principals, which gateway endpoints do not support: use \"Principal\": \"*\" with "
                            + "a condition on aws:PrincipalArn" + ENDPOINT_RULES, s.path() + ".Principal"));
        }
    }

    private static int literalPrefix(String value) {
        int i = 0;
        while (i < value.length() && value.charAt(i) != '*' && value.charAt(i) != '?') {
            i++;
        }
        return i;
    }

    private static boolean mixedAccount(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && Glob.hasWildcard(parts[4]) && parts[4].chars().anyMatch(Character::isDigit);
    }

    private static void restriction(String message, String path, List<Finding> findings) {
        findings.add(Finding.of(Severity.ERROR, FindingCode.ENDPOINT_POLICY_RESTRICTION, message + ENDPOINT_RULES, path));
    }
}
