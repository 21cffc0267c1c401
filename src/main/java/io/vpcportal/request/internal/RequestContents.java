package io.vpcportal.request.internal;

import io.vpcportal.catalog.EndpointType;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.request.ItemDraft;
import io.vpcportal.request.RequestDraft;
import io.vpcportal.request.internal.RequestRules.CheckedItem;
import io.vpcportal.request.internal.RequestRules.CheckedRequest;
import io.vpcportal.shared.TeamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns a checked draft into the content of a request: its fields, title and items. */
public final class RequestContents {

    private RequestContents() {
    }

    /** A new DRAFT request with the draft's content; {@code key} and {@code hash} may be null (no idempotency). */
    public static EndpointRequest newRequest(PortalPrincipal requester, CheckedRequest checked, String key,
            String hash, Instant now) {
        RequestDraft d = checked.draft();
        UUID id = UUID.randomUUID();
        EndpointRequest request = new EndpointRequest(id, requester.id(), requester.getUsername(), new TeamId(d.team()),
                d.accountId(), d.region(), d.vpcId(), titleOf(checked), d.justification().strip(),
                MonthlyGb.total(d.expectedMonthlyGb(), d.items()),
                blankToNull(d.natGatewayId()), Boolean.TRUE.equals(d.natGatewayRemoved()), key, hash, now);
        addItems(request, checked);
        return request;
    }

    /** Replaces the request-level content; the caller flushes before {@link #addItems} so old items go first. */
    public static void revise(EndpointRequest request, PortalPrincipal by, CheckedRequest checked, Instant now) {
        RequestDraft d = checked.draft();
        request.revise(by.id(), new TeamId(d.team()), d.accountId(), d.region(), d.vpcId(), titleOf(checked),
                d.justification().strip(), MonthlyGb.total(d.expectedMonthlyGb(), d.items()),
                blankToNull(d.natGatewayId()), Boolean.TRUE.equals(d.natGatewayRemoved()), now);
    }

    public static void addItems(EndpointRequest request, CheckedRequest checked) {
        UUID id = request.id().value();
        int position = 0;
        List<BigDecimal> gb = MonthlyGb.perItem(checked.draft().expectedMonthlyGb(),
                checked.items().stream().map(CheckedItem::draft).toList());
        for (CheckedItem item : checked.items()) {
            ItemDraft i = item.draft();
            boolean privateDns = item.template().endpointType() != EndpointType.Gateway
                    && (i.privateDns() != null ? i.privateDns()
                    : item.template().field("privateDns").map(f -> "true".equals(f.defaultValue())).orElse(false));
            BigDecimal itemGb = gb.get(position);
            request.addItem(new EndpointRequestItem(id, position++, item.template().key(), item.template().version(),
                    item.template().endpointType(), item.serviceName(),
                    i.serviceRegion() == null || i.serviceRegion().isBlank() ? null : i.serviceRegion(),
                    i.routeTableIds(), i.subnetIds(), i.securityGroupIds(), privateDns, item.policy(),
                    i.bucketNames(), i.tableNames(), blankToNull(i.customPolicy()), i.tags(), itemGb));
        }
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** {@code text} cut to {@code max} characters, the last one an ellipsis when cut. */
    public static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String titleOf(CheckedRequest checked) {
        String title = checked.draft().title();
        return title == null || title.isBlank() ? defaultTitle(checked) : title.strip();
    }

    private static String defaultTitle(CheckedRequest checked) {
        String names = checked.items().stream().map(i -> i.template().name()).collect(Collectors.joining(" + "));
        return abbreviate(names + " in " + checked.draft().vpcId(), 120);
    }
}
