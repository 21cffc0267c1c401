package io.vpcportal.request;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a requester asks for, from the form or the API, before any rule has been checked. Property names are
 * the API's, so that a rule's message points at the same field everywhere.
 */
public record RequestDraft(String team, String accountId, String region, String vpcId, String title,
        String justification, BigDecimal expectedMonthlyGb, String natGatewayId, List<ItemDraft> items) {

    public RequestDraft {
        items = items == null ? List.of() : items;
    }
}
