package io.vpcportal.provisioning;

import java.util.UUID;

/** Where a call goes: an account (through its role, if any) and a region, on behalf of one request. */
public record AwsTarget(String accountId, String region, String roleArn, String externalId, UUID requestId) {

    /** STS session names show in the account's CloudTrail: they name the request. */
    public String sessionName() {
        return "vpce-portal-" + requestId.toString().substring(0, 23);
    }
}
