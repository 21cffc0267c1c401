package io.vpcportal.provisioning.internal;

import io.vpcportal.aws.AwsTarget;
import io.vpcportal.provisioning.ProvisioningDetails.PlannedCall;
import io.vpcportal.provisioning.ProvisioningSteps;
import io.vpcportal.request.RequestDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The {@link ProvisioningSteps} of other modules, asked in their order, for the requests they handle. */
@Component
public class ExtraSteps {

    private final List<ProvisioningSteps> steps;

    @Autowired
    ExtraSteps(ObjectProvider<ProvisioningSteps> steps) {
        this.steps = steps.orderedStream().toList();
    }

    static ExtraSteps none() {
        return new ExtraSteps(List.of());
    }

    private ExtraSteps(List<ProvisioningSteps> steps) {
        this.steps = steps;
    }

    /** The steps' checks after the role is assumed and before the endpoints' calls; their work after them. */
    public List<PlannedCall> plan(RequestDetails request, List<PlannedCall> creates) {
        List<ProvisioningSteps> mine = of(request);
        if (mine.isEmpty()) {
            return creates;
        }
        List<PlannedCall> head = creates.stream().takeWhile(c -> c.position() == null).toList();
        List<PlannedCall> all = new ArrayList<>(head);
        for (ProvisioningSteps s : mine) {
            all.addAll(s.preflightPlan(request, all.size() + 1));
        }
        renumbered(all, creates.subList(head.size(), creates.size()));
        for (ProvisioningSteps s : mine) {
            all.addAll(s.plan(request, all.size() + 1));
        }
        return all;
    }

    private static void renumbered(List<PlannedCall> all, List<PlannedCall> more) {
        int seq = all.size() + 1;
        for (PlannedCall c : more) {
            all.add(new PlannedCall(seq++, c.position(), c.action(), c.summary(), c.parameters()));
        }
    }

    public List<PlannedCall> undoPlan(RequestDetails request, List<PlannedCall> deletes) {
        if (of(request).isEmpty()) {
            return deletes;
        }
        List<PlannedCall> all = new ArrayList<>();
        // the assume-role call stays first; the undo comes before the endpoints are deleted
        List<PlannedCall> head = deletes.stream().takeWhile(c -> c.position() == null).toList();
        all.addAll(head);
        for (ProvisioningSteps s : of(request)) {
            all.addAll(s.undoPlan(request, all.size() + 1));
        }
        renumbered(all, deletes.subList(head.size(), deletes.size()));
        return all;
    }

    List<String> preflight(RequestDetails request, AwsTarget target) {
        List<String> problems = new ArrayList<>();
        of(request).forEach(s -> problems.addAll(s.preflight(request, target)));
        return problems;
    }

    void apply(RequestDetails request, AwsTarget target, Map<Integer, String> endpointIds) {
        of(request).forEach(s -> s.apply(request, target, endpointIds));
    }

    void undo(RequestDetails request, AwsTarget target) {
        of(request).forEach(s -> s.undo(request, target));
    }

    boolean any(RequestDetails request) {
        return !of(request).isEmpty();
    }

    private List<ProvisioningSteps> of(RequestDetails request) {
        return request.isChange() || request.isAdoption() ? List.of()
                : steps.stream().filter(s -> s.handles(request)).toList();
    }
}
