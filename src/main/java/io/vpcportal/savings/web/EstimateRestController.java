package io.vpcportal.savings.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.savings.Estimate;
import io.vpcportal.savings.SavingsManagement;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Cost and saving of an endpoint before it exists, for anyone signed in. */
@RestController
@Tag(name = "Savings", description = "Cost estimates before an endpoint exists, and the ledger of realized savings")
class EstimateRestController {

    private final SavingsManagement savings;

    EstimateRestController(SavingsManagement savings) {
        this.savings = savings;
    }

    @Operation(summary = "Estimate an endpoint's monthly cost and saving against the NAT gateway",
            description = "Each component with its price, effective date and source; a cross-region interface endpoint "
                    + "(serviceRegion) also pays the inter-region transfer. Without monthlyGb: the fixed cost, the "
                    + "break-even GB and a prompt, and no saving.")
    @PostMapping("/api/v1/estimates")
    Estimate estimate(@Valid @RequestBody EstimatePayload payload) {
        return savings.estimate(payload.toInput());
    }
}
