package io.vpcportal.savings.web;

import io.vpcportal.catalog.CatalogManagement;
import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.catalog.EndpointType;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.UnprocessableException;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestManagement;
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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The cost panel: live in the request form (htmx posts the form here) and in the approval view (loaded by request
 * id). The request's expected monthly GB is shared evenly among its endpoints; the NAT gateway is assumed to stay,
 * and the panel says what removing it would add.
 */
@Controller
class EstimatePanelController {

    /** One endpoint's estimate, or why there is none. */
    record ItemEstimate(String name, String endpointType, int enis, BigDecimal gb, Estimate estimate, String problem) {
    }

    /** The panel: each endpoint, the totals, and what removing the NAT gateway would add. */
    record Panel(List<ItemEstimate> items, BigDecimal endpointCost, BigDecimal avoided, BigDecimal net,
            String natGatewayId, BigDecimal natRemoval, boolean shared) {
    }

    private final SavingsManagement savings;
    private final CatalogManagement catalog;
    private final RequestManagement requests;

    EstimatePanelController(SavingsManagement savings, CatalogManagement catalog, RequestManagement requests) {
        this.savings = savings;
        this.catalog = catalog;
        this.requests = requests;
    }

    @PostMapping("/savings/estimate-preview")
    String live(@ModelAttribute("estimateForm") EstimateForm form, Model model) {
        List<Line> lines = form.getItems().stream().filter(i -> i.getTemplateKey() != null)
                .map(i -> new Line(i.getTemplateKey(), split(i.getSubnetIds()).size())).toList();
        model.addAttribute("panel", panel(form.getRegion(), form.getExpectedMonthlyGb(), form.getNatGatewayId(), lines));
        return "savings/estimate :: panel";
    }

    @GetMapping("/savings/requests/{id}/estimate")
    String stored(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, Model model) {
        requests.requireVisible(me, id);
        RequestDetails request = requests.find(new EndpointRequestId(id)).orElseThrow();
        List<Line> lines = request.items().stream().map(i -> new Line(i.templateKey(), i.subnetIds().size())).toList();
        model.addAttribute("panel", panel(request.region(), request.expectedMonthlyGb(), request.natGatewayId(), lines));
        return "savings/estimate :: panel";
    }

    private record Line(String templateKey, int subnets) {
    }

    private Panel panel(String region, BigDecimal monthlyGb, String natGatewayId, List<Line> lines) {
        BigDecimal gb = monthlyGb == null || monthlyGb.signum() < 0 ? BigDecimal.ZERO : monthlyGb;
        BigDecimal share = lines.isEmpty() ? gb : gb.divide(BigDecimal.valueOf(lines.size()), 3, RoundingMode.HALF_UP);
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
            if (region == null || region.isBlank()) {
                items.add(new ItemEstimate(t.name(), t.endpointType().name(), enis, share, null, "Choose a region."));
                continue;
            }
            try {
                Estimate e = savings.estimate(new EstimateInput(region, t.endpointType(), enis, share, false, null, null));
                items.add(new ItemEstimate(t.name(), t.endpointType().name(), enis, share, e, null));
                cost = cost.add(e.endpointCost());
                avoided = avoided.add(e.avoidedNatCost());
            } catch (UnprocessableException | InvalidInputException e) {
                items.add(new ItemEstimate(t.name(), t.endpointType().name(), enis, share, null, e.getMessage()));
            }
        }
        BigDecimal natRemoval = null;
        if (natGatewayId != null && !natGatewayId.isBlank() && region != null && !region.isBlank()) {
            try {
                Estimate removed = savings.estimate(new EstimateInput(region, EndpointType.Gateway, 0, BigDecimal.ZERO,
                        true, null, null));
                natRemoval = removed.avoidedNatCost();
            } catch (UnprocessableException e) {
                natRemoval = null;
            }
        }
        return new Panel(items, cost, avoided, avoided.subtract(cost), natGatewayId, natRemoval, lines.size() > 1);
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
