package io.vpcportal.inventory;

import java.util.UUID;

/** An admin cancelled a run: its pending units were dropped, the running ones finish, then it ends CANCELLED. */
public record SyncRunCancelled(UUID runId, String kind, String by, int unitsDone, int unitsTotal) {
}
