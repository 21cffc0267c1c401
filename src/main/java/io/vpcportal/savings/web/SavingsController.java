package io.vpcportal.savings.web;

import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.web.CsvWriter;
import io.vpcportal.platform.web.PageController;
import io.vpcportal.savings.EndpointRankings;
import io.vpcportal.savings.Estimate;
import io.vpcportal.savings.LedgerRow;
import io.vpcportal.savings.SavingsGroup;
import io.vpcportal.savings.SavingsManagement;
import io.vpcportal.savings.SavingsScope;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The savings dashboard and its CSV export, for everyone signed in. */
@PageController
class SavingsController {

    private final SavingsManagement savings;
    private final AccountManagement accounts;

    SavingsController(SavingsManagement savings, AccountManagement accounts) {
        this.savings = savings;
        this.accounts = accounts;
    }

    @GetMapping("/savings")
    String dashboard(@AuthenticationPrincipal PortalPrincipal me, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate today = savings.today();
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        SavingsScope scope = SavingsScope.of(me, accounts); // requesters: their teams' accounts, like the inventory
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        // this month, this year, since the start and the trend (one read of the months since the ledger's first
        // day), the groupings and the per-resource lists, read side by side
        SavingsManagement.Dashboard dashboard = savings.dashboard(start, end, 10, 20, 20, scope);
        SavingsManagement.Overview overview = dashboard.overview();
        model.addAttribute("thisMonth", overview.thisMonth());
        model.addAttribute("thisYear", overview.thisYear());
        model.addAttribute("sinceStart", overview.sinceStart());
        model.addAttribute("firstDay", overview.firstDay());
        model.addAttribute("months", overview.months());
        model.addAttribute("chart", TrendChart.of(overview.months()));
        Map<String, List<SavingsGroup>> by = dashboard.groupings();
        model.addAttribute("byTeam", by.get("team"));
        model.addAttribute("byAccount", by.get("account"));
        // NAT gateways and S3/DynamoDB missed via NAT are not services: they have their own sections below
        model.addAttribute("byService", by.get("service").stream().filter(SavingsGroup::isService).toList());
        // the four per-resource lists from one pass over the period's resources (the page's heaviest read)
        EndpointRankings resources = dashboard.resources();
        model.addAttribute("top", resources.top());
        model.addAttribute("belowBreakEven", resources.belowBreakEven());
        model.addAttribute("missed", resources.missed());
        model.addAttribute("nat", resources.natGateways());
        model.addAttribute("collects", savings.collects());
        return "savings/dashboard";
    }

    /** Every ledger row of the period, for a spreadsheet. Numbers are numbers; text cannot start a formula. */
    @GetMapping("/savings.csv")
    void csv(@AuthenticationPrincipal PortalPrincipal me, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        LocalDate end = to == null ? savings.today() : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"savings-" + start + "-" + end + ".csv\"");
        PrintWriter out = response.getWriter();
        CsvWriter csv = new CsvWriter(out);
        csv.line(List.of("day", "resource_id", "kind", "team", "account_id", "region", "vpc_id", "service", "enis",
                "bytes", "endpoint_cost_usd", "avoided_nat_cost_usd", "net_saving_usd", "nat_cost_usd"));
        savings.ledgerRows(start, end, SavingsScope.of(me, accounts), (LedgerRow r) -> csv.line(Arrays.asList(r.day().toString(),
                r.resourceId(), r.kind().name(), r.team(), r.accountId(), r.region(), r.vpcId(), r.service(),
                r.enis(), r.bytes(), r.endpointCost(), r.avoidedNatCost(), r.netSaving(), r.natCost())));
        out.flush();
    }

    /** For the template: dollars and cents. */
    static String usd(BigDecimal amount) {
        return Estimate.usd(amount);
    }
}
