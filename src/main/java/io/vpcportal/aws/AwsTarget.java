package io.vpcportal.aws;

import java.util.UUID;

/**
 * Where a call goes: an account (through its role, if any) and a region, on behalf of one request (or inventory sync
 * run), or of one background task such as the savings collection or the organization discovery.
 *
 * @param task the name of the background task when there is no {@code requestId} ({@code savings},
 *             {@code discovery}); it names the STS session
 */
public record AwsTarget(String accountId, String region, String roleArn, String externalId, UUID requestId,
        String task) {

    /** A target on behalf of one request (or run): its id names the STS session. */
    public AwsTarget(String accountId, String region, String roleArn, String externalId, UUID requestId) {
        this(accountId, region, roleArn, externalId, requestId, null);
    }

    /** A target on behalf of a background task that has no request. */
    public static AwsTarget forTask(String task, String accountId, String region, String roleArn, String externalId) {
        return new AwsTarget(accountId, region, roleArn, externalId, null, task);
    }

    /** STS session names show in the account's CloudTrail: they name the request, or the task. */
    public String sessionName() {
        if (requestId != null) {
            return "vpce-portal-" + requestId.toString().substring(0, 23);
        }
        return task == null || task.isBlank() ? "vpce-portal" : "vpce-portal-" + task;
    }

    /** Whether calls go through the account's role (else they use the portal's own identity). */
    public boolean assumesRole() {
        return roleArn != null && !roleArn.isBlank();
    }
}
