package io.vpcportal.policy;

/**
 * The simulator's answer for one {@link AccessCheck}.
 *
 * @param policy    the policy that decided: {@code endpoint policy}, {@code bucket policy} or
 *                  {@code identity policy} (the principal's own IAM policies, assumed to allow)
 * @param statement the deciding statement's Sid, or {@code Statement[i]} when it has none; {@code null} when
 *                  no statement matched (implicit deny) or the decision rests on an assumption
 * @param reason    one sentence a requester can read
 */
public record AccessDecision(AccessCheck check, boolean allowed, String policy, String statement, String reason) {

    /** {@code false} when the requester stated an expectation and the decision contradicts it. */
    public boolean meetsExpectation() {
        return check.expectAllowed() == null || check.expectAllowed() == allowed;
    }

    public String decidedBy() {
        return statement == null ? policy : policy + " › " + statement;
    }
}
