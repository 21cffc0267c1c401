package io.vpcportal.provisioning;

import java.util.List;
import java.util.Map;

/** An endpoint as EC2 describes it. {@code state} is the wire value, such as {@code available}. */
public record EndpointState(String id, String serviceName, String state, String lastError, List<String> routeTableIds,
        List<String> subnetIds, List<String> securityGroupIds, boolean privateDns, String policyDocument,
        Map<String, String> tags) {

    public boolean is(String wireState) {
        return state != null && state.equalsIgnoreCase(wireState);
    }

    /** Ready for traffic. A partner endpoint still {@code pendingAcceptance} is not: its provider has not accepted it. */
    public boolean usable() {
        return is("available");
    }

    /** Created, but the provider of the endpoint service (a partner) has yet to accept the connection. */
    public boolean waitingForProvider() {
        return is("pendingAcceptance");
    }

    public boolean broken() {
        return is("failed") || is("rejected") || is("expired") || is("deleted") || is("deleting");
    }
}
