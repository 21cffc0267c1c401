package io.vpcportal.request.web;

import io.vpcportal.platform.GigabytesAMonth;
import io.vpcportal.request.ItemDraft;
import io.vpcportal.request.RequestDraft;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * JSON body of {@code POST /api/v1/requests}. Sizes are capped here so that no huge document reaches the
 * rules; every other check is the domain's, shared with the HTML form.
 *
 * @param expectedMonthlyGb the request's total GB per month; left out when the items give theirs (if given, it must
 *                          be their sum). Older clients that send only this figure have it shared evenly among the items.
 * @param natGatewayRemoved the NAT gateway {@code natGatewayId} will be removed once the endpoints exist: the
 *                          estimate then counts its hours and public IPv4 address as saved
 */
record EndpointRequestPayload(
        @Size(max = 40) String team,
        @Size(max = 40) String accountId,
        @Size(max = 40) String region,
        @Size(max = 40) String vpcId,
        @Size(max = 200) String title,
        @Size(max = 4000) String justification,
        @GigabytesAMonth BigDecimal expectedMonthlyGb,
        @Size(max = 40) String natGatewayId,
        @Size(max = 20) List<@Valid Item> items,
        Boolean natGatewayRemoved) {

    /** @param expectedMonthlyGb GB per month this endpoint will carry instead of the NAT gateway (0 to 10,000,000) */
    record Item(
            @Size(max = 100) String templateKey,
            @Size(max = 50) List<@Size(max = 64) String> routeTableIds,
            @Size(max = 50) List<@Size(max = 64) String> subnetIds,
            @Size(max = 50) List<@Size(max = 64) String> securityGroupIds,
            Boolean privateDns,
            @Size(max = 40) String policyChoice,
            @Size(max = 50) List<@Size(max = 100) String> bucketNames,
            @Size(max = 50) List<@Size(max = 300) String> tableNames,
            @Size(max = 40) String serviceRegion,
            @Size(max = 30000) String customPolicy,
            @Size(max = 60) Map<@Size(max = 200) String, @Size(max = 300) String> tags,
            @GigabytesAMonth BigDecimal expectedMonthlyGb) {
    }

    RequestDraft toDraft() {
        return new RequestDraft(team, accountId, region, vpcId, title, justification, expectedMonthlyGb, natGatewayId,
                items == null ? List.of() : items.stream().map(i -> i == null ? null : new ItemDraft(i.templateKey,
                        i.routeTableIds, i.subnetIds, i.securityGroupIds, i.privateDns, i.policyChoice, i.bucketNames,
                        i.tableNames, i.serviceRegion, i.customPolicy, i.tags, i.expectedMonthlyGb)).toList(),
                natGatewayRemoved);
    }
}
