package io.vpcportal.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a requester asks for, from the form or the API, before any rule has been checked. Property names are
 * the API's, so that a rule's message points at the same field everywhere.
 *
 * @param expectedMonthlyGb the whole request's GB per month: the sum of the items' figures when they give theirs,
 *                          or (older clients) one figure shared evenly among the items
 * @param natGatewayRemoved the NAT gateway ({@code natGatewayId}) will be removed once the endpoints exist;
 *                          {@code null}: not said (false)
 */
public record RequestDraft(String team, String accountId, String region, String vpcId, String title,
        String justification, BigDecimal expectedMonthlyGb, String natGatewayId, List<ItemDraft> items,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean natGatewayRemoved) {

    public RequestDraft {
        items = items == null ? List.of() : items;
    }

    /** A draft that says nothing about removing the NAT gateway. */
    public RequestDraft(String team, String accountId, String region, String vpcId, String title,
            String justification, BigDecimal expectedMonthlyGb, String natGatewayId, List<ItemDraft> items) {
        this(team, accountId, region, vpcId, title, justification, expectedMonthlyGb, natGatewayId, items, null);
    }
}
