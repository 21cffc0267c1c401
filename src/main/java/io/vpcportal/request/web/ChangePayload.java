package io.vpcportal.request.web;

import io.vpcportal.request.ChangeDraft;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * JSON body of {@code POST /api/v1/requests/{id}/changes}: the new settings of one endpoint ({@code position},
 * 0 when absent). Absent properties keep the value in force; a justification is required.
 */
record ChangePayload(
        @Min(0) @Max(19) Integer position,
        @Size(max = 50) List<@Size(max = 64) String> routeTableIds,
        @Size(max = 50) List<@Size(max = 64) String> subnetIds,
        @Size(max = 50) List<@Size(max = 64) String> securityGroupIds,
        Boolean privateDns,
        @Size(max = 40) String policyChoice,
        @Size(max = 50) List<@Size(max = 100) String> bucketNames,
        @Size(max = 50) List<@Size(max = 300) String> tableNames,
        @Size(max = 30000) String customPolicy,
        @Size(max = 4000) String justification) {

    ChangeDraft toDraft() {
        return new ChangeDraft(position, routeTableIds, subnetIds, securityGroupIds, privateDns, policyChoice,
                bucketNames, tableNames, customPolicy, justification);
    }
}
