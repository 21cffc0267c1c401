package io.vpcportal.policy.internal;

/**
 * Evaluates one policy for one request: an applicable Deny wins over everything, else an applicable Allow
 * allows, else nothing applies (implicit deny). A statement applies when its principal, action, resource and
 * every condition match. The first deciding statement in document order is reported.
 * See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
public final class PolicyEvaluator {

    public enum Effect {
        ALLOW, DENY, NONE
    }

    /** The policy's answer and the statement that gave it ({@code null} for {@link Effect#NONE}). */
    public record Outcome(Effect effect, Statement statement) {
    }

    private PolicyEvaluator() {
    }

    public static Outcome evaluate(PolicyDocument policy, RequestContext request) {
        Statement allow = null;
        for (Statement statement : policy.statements()) {
            if (!applies(statement, request)) {
                continue;
            }
            if (!statement.allow()) {
                return new Outcome(Effect.DENY, statement);
            }
            if (allow == null) {
                allow = statement;
            }
        }
        return allow == null ? new Outcome(Effect.NONE, null) : new Outcome(Effect.ALLOW, allow);
    }

    public static boolean applies(Statement statement, RequestContext request) {
        return principalMatches(statement, request.principal())
                && statement.notAction() != statement.actions().stream()
                        .anyMatch(a -> Glob.matches(a, request.action(), true))
                && statement.notResource() != statement.resources().stream()
                        .anyMatch(r -> Glob.matchesArn(r, request.resource()))
                && statement.conditions().stream().allMatch(c -> ConditionEvaluator.matches(c, request));
    }

    private static boolean principalMatches(Statement statement, RequestPrincipal principal) {
        if (statement.principal() == null) {
            return true; // an identity policy: it applies to whoever it is attached to
        }
        return statement.notPrincipal() != names(statement.principal(), principal);
    }

    /** Whether the Principal element names this caller; an account principal names every IAM identity in it. */
    static boolean names(Principals principals, RequestPrincipal caller) {
        if (principals.everyone()) {
            return true;
        }
        if (caller.isIam()) {
            for (String value : principals.of("AWS")) {
                if (value.equals(caller.arn()) || value.equals(caller.account())
                        || value.startsWith("arn:aws") && value.endsWith(":iam::" + caller.account() + ":root")) {
                    return true;
                }
            }
        }
        if (caller.type() == RequestPrincipal.Type.SERVICE) {
            return principals.of("Service").stream().anyMatch(s -> s.equals("*") || s.equalsIgnoreCase(caller.service()));
        }
        return false;
    }
}
