package io.vpcportal.inventory;

import java.util.UUID;

/**
 * Someone asked for a drifted endpoint to be brought back to its approved state: change request
 * {@code changeId} (kind CHANGE) of request {@code requestId} carries the approved settings through approval and
 * provisioning. {@code drift} names the settings that differed, {@code approved} is the state to restore (audit).
 */
public record DriftReconcileRequested(String vpcEndpointId, UUID requestId, UUID changeId, String by, String drift,
        Object approved) {
}
