package io.vpcportal.diagram.web;

import io.vpcportal.catalog.CatalogManagement;
import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.diagram.PlannedEndpoints;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The request form's side of {@link PlannedEndpoints}: its items resolved through the catalog to the service names
 * of the chosen region; an item that cannot be drawn yet is left out with a note saying why.
 */
final class FormPlans {

    record Result(PlannedEndpoints plan, List<String> notes) {
    }

    private FormPlans() {
    }

    static Result of(PlanForm form, CatalogManagement catalog) {
        String region = blankToNull(form.getRegion());
        List<PlannedEndpoints.Item> items = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int position = 0; position < form.getItems().size(); position++) {
            PlanForm.Item item = form.getItems().get(position);
            Optional<EndpointTemplateDetails> template = item.getTemplateKey() == null ? Optional.empty()
                    : catalog.current(item.getTemplateKey());
            if (template.isEmpty()) {
                continue;
            }
            if (region == null) {
                notes.add("Choose the region to see " + template.get().name() + " on the diagram.");
                continue;
            }
            String serviceRegion = blankToNull(item.getServiceRegion());
            Optional<String> service = template.get().serviceNameIn(serviceRegion == null ? region : serviceRegion);
            if (service.isEmpty()) {
                notes.add(template.get().name() + " does not exist in " + (serviceRegion == null ? region
                        : serviceRegion) + ": it is not drawn.");
                continue;
            }
            items.add(new PlannedEndpoints.Item(position, template.get().endpointType().name(), service.get(),
                    split(item.getRouteTableIds()), split(item.getSubnetIds()), split(item.getSecurityGroupIds()),
                    itemGb(item)));
        }
        BigDecimal total = form.getExpectedMonthlyGb() == null || form.getExpectedMonthlyGb().signum() <= 0 ? null
                : form.getExpectedMonthlyGb();
        return new Result(new PlannedEndpoints(null, "form", blankToNull(form.getAccountId()), region,
                blankToNull(form.getVpcId()) == null ? null : form.getVpcId().strip(), total, items), notes);
    }

    /** The item's own GB per month as typed; null when blank, not a number or not positive (the form says why). */
    static BigDecimal itemGb(PlanForm.Item item) {
        String typed = blankToNull(item.getExpectedMonthlyGb());
        if (typed == null) {
            return null;
        }
        try {
            BigDecimal gb = new BigDecimal(typed);
            return gb.signum() > 0 && gb.compareTo(MAX_GB) <= 0 ? gb : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final BigDecimal MAX_GB = BigDecimal.valueOf(10_000_000);

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
