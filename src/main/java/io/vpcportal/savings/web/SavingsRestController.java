package io.vpcportal.savings.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.savings.SavingsGroup;
import io.vpcportal.savings.SavingsScope;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import io.vpcportal.savings.SavingsManagement;
import io.vpcportal.savings.TrafficCollection;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The savings ledger as JSON: totals per group; admins collect days again. */
@RestController
@Tag(name = "Savings", description = "Cost estimates before an endpoint exists, and the ledger of realized savings")
class SavingsRestController {

    /**
     * Totals of the period and one entry per group, a page of them: {@code groups} from {@code offset} on, at most
     * {@code limit}; {@code groupCount} groups in all (a grouping with no more than {@code limit} groups answers all
     * of them, as before paging).
     */
    record SavingsReport(String groupBy, LocalDate from, LocalDate to, SavingsGroup total, List<SavingsGroup> groups,
            long groupCount, long offset, int limit) {
    }

    /** Groups per answer unless {@code limit} says otherwise (every grouping but endpoints has far fewer). */
    static final int DEFAULT_LIMIT = 1000;

    private final SavingsManagement savings;
    private final AccountManagement accounts;

    SavingsRestController(SavingsManagement savings, AccountManagement accounts) {
        this.savings = savings;
        this.accounts = accounts;
    }

    /**
     * {@code from} defaults to the first day of the current year, {@code to} to today. Requesters see the accounts
     * their teams may use, approvers and admins every account.
     */
    @Operation(summary = "Realized savings of a period, per team, account, region, service, month or endpoint",
            description = "In groupBy=service each group's kind tells services from NAT gateway traffic. Groups come in "
                    + "pages: offset (default 0) and limit (default 1000, at most 10000); groupCount is the number "
                    + "of groups in all.")
    @GetMapping("/api/v1/savings")
    SavingsReport report(@AuthenticationPrincipal PortalPrincipal me, @RequestParam(defaultValue = "month") String groupBy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") long offset, @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        LocalDate end = to == null ? savings.today() : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        SavingsScope scope = SavingsScope.of(me, accounts);
        SavingsGroup.Page page = savings.groups(groupBy, start, end, offset, limit, scope);
        return new SavingsReport(groupBy, start, end, savings.total(start, end, scope), page.groups(),
                page.groupCount(), offset, limit);
    }

    @Operation(summary = "Collect measured traffic again for up to 31 days (admins)")
    @PostMapping("/api/v1/savings/collect")
    @PreAuthorize("hasRole('ADMIN')")
    List<TrafficCollection> collect(@AuthenticationPrincipal
            PortalPrincipal me, @Valid @RequestBody CollectPayload payload) {
        return savings.collect(payload.from(), payload.to(), "MANUAL", me.getUsername());
    }
}
