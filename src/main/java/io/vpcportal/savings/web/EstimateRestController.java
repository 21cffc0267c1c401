package io.vpcportal.savings.web;

import io.vpcportal.savings.Estimate;
import io.vpcportal.savings.SavingsManagement;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Cost and saving of an endpoint before it exists, for anyone signed in. */
@RestController
class EstimateRestController {

    private final SavingsManagement savings;

    EstimateRestController(SavingsManagement savings) {
        this.savings = savings;
    }

    @PostMapping("/api/v1/estimates")
    Estimate estimate(@Valid @RequestBody EstimatePayload payload) {
        return savings.estimate(payload.toInput());
    }
}
