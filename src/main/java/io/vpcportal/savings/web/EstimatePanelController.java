package io.vpcportal.savings.web;

import io.vpcportal.catalog.CatalogManagement;
import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.catalog.EndpointType;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.UnprocessableException;
import io.vpcportal.platform.web.PageController;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.savings.Estimate;
import io.vpcportal.savings.EstimateInput;
import io.vpcportal.savings.SavingsManagement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The cost panel: live in the request form (htmx posts the form here) and in the approval view (loaded by request
 * id). Each endpoint is priced with its own expected monthly GB; a request whose endpoints give none (stored before
 * they had one, or sent by an older client) has its one figure shared evenly. An endpoint without any figure shows
 * its fixed monthly cost and break-even volume and asks for the GB. A cross-region endpoint (a service region set)
 * also pays the inter-region transfer of its data. When the request says the NAT gateway
 * will be removed, its hours and public IPv4 address are a saving of their own; otherwise the panel says what
 * removing it would add.
 */
@PageController
class EstimatePanelController {

    /** One endpoint's estimate, or why there is none. */
    record ItemEstimate(String name, String endpointType, int enis, BigDecimal gb, Estimate estimate, String problem) {

        /** Whether the item's GB per month was not given: its panel row shows the fixed cost and asks for the GB. */
        public boolean gbMissing() {
            return estimate != null && !estimate.gbGiven();
        }
    }

    /**
     * The panel: each endpoint, the totals, and the NAT gateway's hours and address: saved ({@code natRemoved}, in
     * the totals) or what removing it would add ({@code natRemoval}, not in the totals). {@code net} is {@code null}
     * while an endpoint has no GB figure: the saving is not known, so none is announced (a loss least of all).
     */
    record Panel(List<ItemEstimate> items, BigDecimal endpointCost, BigDecimal avoided, BigDecimal net,
            String natGatewayId, BigDecimal natRemoval, boolean shared, boolean natRemoved) {

        public boolean gbMissing() {
            return items.stream().anyMatch(ItemEstimate::gbMissing);
        }
    }

    /** The same bound as the API's {@code monthlyGb}: larger figures are typing errors, not traffic. */
    private static final BigDecimal MAX_GB = new BigDecimal("1000000000");

    private final SavingsManagement savings;
    private final CatalogManagement catalog;
    private final RequestQueries requests;

    EstimatePanelController(SavingsManagement savings, CatalogManagement catalog, RequestQueries requests) {
        this.savings = savings;
        this.catalog = catalog;
        this.requests = requests;
    }

    /** Values the form cannot convert (letters in a GB field) count as not given: the form shows their error. */
    @PostMapping("/savings/estimate-preview")
    String live(@ModelAttribute("estimateForm") EstimateForm form, BindingResult unconverted, Model model) {
        List<Line> lines = form.getItems().stream().filter(i -> i.getTemplateKey() != null)
                .map(i -> new Line(i.getTemplateKey(), split(i.getSubnetIds()).size(), i.getExpectedMonthlyGb(),
                        i.getServiceRegion())).toList();
        model.addAttribute("panel", panel(form.getRegion(), form.getExpectedMonthlyGb(), form.getNatGatewayId(),
                form.isNatGatewayRemoved(), lines));
        return "savings/estimate :: panel";
    }

    @GetMapping("/savings/requests/{id}/estimate")
    String stored(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, Model model) {
        requests.requireVisible(me, id);
        RequestDetails request = requests.find(new EndpointRequestId(id)).orElseThrow();
        List<Line> lines = request.items().stream()
                .map(i -> new Line(i.templateKey(), i.subnetIds().size(), i.expectedMonthlyGb(), i.serviceRegion()))
                .toList();
        model.addAttribute("panel", panel(request.region(), request.expectedMonthlyGb(), request.natGatewayId(),
                request.natGatewayRemoved(), lines));
        return "savings/estimate :: panel";
    }

    private record Line(String templateKey, int subnets, BigDecimal gb, String serviceRegion) {
    }

    private Panel panel(String region, BigDecimal requestGb, String natGatewayId, boolean natRemoved,
            List<Line> lines) {
        boolean own = lines.stream().anyMatch(l -> l.gb() != null);
        // no figure, or one out of bounds (whose error the form shows), is "not given": no saving is announced. A
        // request's total is stored as 0 when it was left out, so 0 there means "not given" too (an endpoint's own
        // figure keeps its null, and its 0 is a real "no traffic")
        BigDecimal total = requestGb == null || requestGb.signum() <= 0 || requestGb.compareTo(MAX_GB) > 0
                ? null : requestGb;
        BigDecimal share = total == null || lines.isEmpty() ? total
                : total.divide(BigDecimal.valueOf(lines.size()), 3, RoundingMode.HALF_UP);
        List<ItemEstimate> items = new ArrayList<>();
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal avoided = BigDecimal.ZERO;
        for (Line line : lines) {
            var template = catalog.current(line.templateKey());
            if (template.isEmpty()) {
                continue;
            }
            EndpointTemplateDetails t = template.get();
            int enis = t.endpointType() == EndpointType.Gateway ? 0 : Math.max(1, line.subnets());
            BigDecimal gb = !own ? share : line.gb() == null || line.gb().signum() < 0 ? null : line.gb();
            if (region == null || region.isBlank()) {
                items.add(new ItemEstimate(t.name(), t.endpointType().name(), enis, gb, null, "Choose a region."));
                continue;
            }
            if (gb != null && gb.compareTo(MAX_GB) > 0) {
                items.add(new ItemEstimate(t.name(), t.endpointType().name(), enis, null, null,
                        "The expected GB per month must be between 0 and " + MAX_GB.toPlainString() + "."));
                continue;
            }
            try {
                String serviceRegion = line.serviceRegion() == null || line.serviceRegion().isBlank() ? null
                        : line.serviceRegion();
                Estimate e = savings.estimate(new EstimateInput(region, t.endpointType(), enis, gb, false, null, null,
                        serviceRegion));
                items.add(new ItemEstimate(t.name(), t.endpointType().name(), enis, gb, e, null));
                cost = cost.add(e.endpointCost());
                avoided = avoided.add(e.avoidedNatCost());
            } catch (UnprocessableException | InvalidInputException e) {
                items.add(new ItemEstimate(t.name(), t.endpointType().name(), enis, gb, null, e.getMessage()));
            }
        }
        boolean hasNat = natGatewayId != null && !natGatewayId.isBlank();
        BigDecimal natHoursAndIp = null;
        if (hasNat && region != null && !region.isBlank()) {
            try {
                natHoursAndIp = savings.estimate(new EstimateInput(region, EndpointType.Gateway, 0, BigDecimal.ZERO,
                        true, null, null)).avoidedNatCost();
            } catch (UnprocessableException | InvalidInputException e) {
                natHoursAndIp = null;
            }
        }
        boolean removed = natRemoved && hasNat && natHoursAndIp != null;
        if (removed) {
            avoided = avoided.add(natHoursAndIp);
        }
        boolean missing = items.stream().anyMatch(ItemEstimate::gbMissing);
        return new Panel(items, cost, avoided, missing ? null : avoided.subtract(cost), natGatewayId, natHoursAndIp,
                !own && total != null && lines.size() > 1, removed);
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
