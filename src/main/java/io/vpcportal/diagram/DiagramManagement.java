package io.vpcportal.diagram;

import io.vpcportal.diagram.SharedPaths.Served;
import io.vpcportal.diagram.SharedPaths.Shares;
import io.vpcportal.diagram.SharedPaths.Spoke;
import io.vpcportal.diagram.internal.DrawioExporter;
import io.vpcportal.diagram.internal.Figures;
import io.vpcportal.diagram.internal.GridLayout;
import io.vpcportal.diagram.internal.MermaidExporter;
import io.vpcportal.diagram.internal.NetworkModel;
import io.vpcportal.diagram.internal.NetworkModels;
import io.vpcportal.diagram.internal.NetworkModels.View;
import io.vpcportal.diagram.internal.PngRenderer;
import io.vpcportal.diagram.internal.RequestPlans;
import io.vpcportal.diagram.internal.SvgRenderer;
import io.vpcportal.diagram.internal.TrafficFigures;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.inventory.InventoryReads;
import io.vpcportal.inventory.VpcTopology;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestQueries;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Draws the VPCs the inventory knows, as the caller may see them (the inventory's rule: requesters their teams'
 * accounts, approvers and admins all), alone or with planned endpoints overlaid (a stored request, or the request
 * form before it is saved): {@code before} shows their services reached as they are today, {@code after} as they
 * will be once the endpoints exist. Paths carry what the savings ledger measured and what the request is estimated
 * to cost and save. Paths through other VPCs (a spoke reaching a service through a hub's shared endpoint, a hub
 * serving spokes) come from the {@link SharedPaths} beans other modules provide.
 */
@Service
public class DiagramManagement {

    /** What a request's VPC looks like when the inventory has not seen it. */
    public static final String NOT_IN_INVENTORY = "is not in the inventory yet: sync the inventory to see the diagram";

    private static final Logger log = LoggerFactory.getLogger(DiagramManagement.class);

    private final InventoryReads inventory;
    private final RequestQueries requests;
    private final TrafficFigures traffic;
    private final ObjectProvider<SharedPaths> sharedPaths;

    DiagramManagement(InventoryReads inventory, RequestQueries requests, TrafficFigures traffic,
            ObjectProvider<SharedPaths> sharedPaths) {
        this.inventory = inventory;
        this.requests = requests;
        this.traffic = traffic;
        this.sharedPaths = sharedPaths;
    }

    /** A VPC before and after planned endpoints, as inline SVG. */
    public record Pair(String before, String after) {
    }

    /**
     * The diagram of {@code vpcId}; {@code before}/{@code after} (at most one) overlay a request for that VPC.
     * NotFound when the VPC is unknown to the inventory or not visible, or the request is not visible.
     */
    public RenderedDiagram render(PortalPrincipal by, String vpcId, DiagramFormat format, UUID before, UUID after) {
        if (before != null && after != null) {
            throw new InvalidInputException("after", "cannot be combined with before: ask for one view at a time");
        }
        UUID requestId = after != null ? after : before;
        RequestDetails request = requestId == null ? null : requestFor(by, requestId, after != null ? "after"
                : "before", vpcId);
        VpcTopology vpc = inventory.topology(by, vpcId)
                .orElseThrow(() -> new NotFoundException("VPC " + vpcId + " " + NOT_IN_INVENTORY));
        View view = after != null ? View.AFTER : before != null ? View.BEFORE : View.CURRENT;
        PlannedEndpoints plan = request == null ? null : RequestPlans.of(request);
        NetworkModel model = NetworkModels.of(vpc, plan, view, traffic.of(vpc, plan), shares(by, vpc));
        String filename = vpcId + (request == null ? "" : "-" + view.name().toLowerCase(Locale.ROOT) + "-"
                + request.id().toString().substring(0, 8)) + "." + format.extension();
        return new RenderedDiagram(bytes(model, format), format, filename);
    }

    /** The SVGs of a request's VPC before and after it, or empty when the inventory has not seen that VPC. */
    public Optional<Pair> requestSvgs(PortalPrincipal by, UUID requestId) {
        RequestDetails request = requests.get(by, requestId);
        return inventory.topology(by, request.vpcId()).map(vpc -> pair(by, vpc, RequestPlans.of(request), "diagram"));
    }

    /**
     * What the request form shows while it is filled in: the VPC before and after the endpoints planned there (not
     * saved yet), or a note saying why there is no diagram (no VPC id, a VPC the inventory has not seen or the caller
     * may not see, one of another account or region than chosen). Without endpoints, the VPC as it is.
     */
    public FormDiagrams planSvgs(PortalPrincipal by, PlannedEndpoints plan) {
        if (plan.vpcId() == null || plan.vpcId().isBlank()) {
            return FormDiagrams.note("Enter the VPC id to see the VPC before and after this request.");
        }
        Optional<VpcTopology> found;
        try {
            found = inventory.topology(by, plan.vpcId());
        } catch (NotFoundException hidden) {
            found = Optional.empty(); // the same answer as for a VPC nobody has: its existence is not for this user
        }
        if (found.isEmpty()) {
            return FormDiagrams.note("VPC " + plan.vpcId() + " " + NOT_IN_INVENTORY + ".");
        }
        VpcTopology vpc = found.get();
        if (present(plan.accountId()) && vpc.accountId() != null && !vpc.accountId().equals(plan.accountId())) {
            return FormDiagrams.note("VPC " + vpc.vpcId() + " is in account " + vpc.accountId()
                    + ", not in the account chosen (" + plan.accountId() + ").");
        }
        if (present(plan.region()) && vpc.region() != null && !vpc.region().equals(plan.region())) {
            return FormDiagrams.note("VPC " + vpc.vpcId() + " is in " + vpc.region() + ", not in the region chosen ("
                    + plan.region() + ").");
        }
        if (plan.items().isEmpty()) {
            return new FormDiagrams(SvgRenderer.render(GridLayout.of(NetworkModels.of(vpc, null, View.CURRENT,
                    traffic.of(vpc, null), shares(by, vpc))), "form-diagram-before"), null,
                    "Add an endpoint to see the VPC after this request.");
        }
        Pair pair = pair(by, vpc, plan, "form-diagram");
        return new FormDiagrams(pair.before(), pair.after(), null);
    }

    /** The request form's diagrams: before and after (after null without endpoints), or only a note. */
    public record FormDiagrams(String before, String after, String note) {

        static FormDiagrams note(String note) {
            return new FormDiagrams(null, null, note);
        }
    }

    /** The SVG of a VPC as it is, or empty when the inventory has not seen it. */
    public Optional<String> vpcSvg(PortalPrincipal by, String vpcId) {
        return inventory.topology(by, vpcId).map(vpc -> SvgRenderer.render(GridLayout.of(
                NetworkModels.of(vpc, null, View.CURRENT, traffic.of(vpc, null), shares(by, vpc)))));
    }

    private Pair pair(PortalPrincipal by, VpcTopology vpc, PlannedEndpoints plan, String prefix) {
        Figures figures = traffic.of(vpc, plan); // once for both views
        Shares shares = shares(by, vpc);
        return new Pair(SvgRenderer.render(GridLayout.of(NetworkModels.of(vpc, plan, View.BEFORE, figures, shares)),
                prefix + "-before"), SvgRenderer.render(GridLayout.of(NetworkModels.of(vpc, plan, View.AFTER, figures,
                shares)), prefix + "-after"));
    }

    /**
     * What the {@link SharedPaths} beans know of the VPC; one that fails is skipped, the diagram still draws. A hub's
     * spokes in accounts the viewer may not see are drawn without their VPC and account ids.
     */
    private Shares shares(PortalPrincipal by, VpcTopology vpc) {
        Shares all = Shares.NONE;
        for (SharedPaths paths : sharedPaths.orderedStream().toList()) {
            try {
                all = all.and(paths.of(vpc));
            } catch (RuntimeException e) {
                log.warn("Shared paths of {} from {} skipped: {}", vpc.vpcId(), paths.getClass().getSimpleName(),
                        e.toString());
            }
        }
        if (all.served().isEmpty()) {
            return all;
        }
        Map<String, Boolean> visible = new HashMap<>(); // spokes share a few accounts: one check each
        return new Shares(all.viaHubs(), all.served().stream().map(s -> new Served(s.serviceName(), s.endpointId(),
                s.transitGatewayId(), s.spokes().stream()
                        .map(x -> visible.computeIfAbsent(x.accountId(), a -> inventory.maySeeAccount(by, a))
                                ? x : Spoke.UNSEEN)
                        .sorted(Comparator.comparing((Spoke x) -> x.vpcId() == null)).toList())).toList());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    static byte[] bytes(NetworkModel model, DiagramFormat format) {
        return switch (format) {
            case SVG -> SvgRenderer.render(GridLayout.of(model)).getBytes(StandardCharsets.UTF_8);
            case PNG -> PngRenderer.render(GridLayout.of(model));
            case DRAWIO -> DrawioExporter.export(GridLayout.of(model), model.vpcId()).getBytes(StandardCharsets.UTF_8);
            case MERMAID -> MermaidExporter.export(model).getBytes(StandardCharsets.UTF_8);
        };
    }

    private RequestDetails requestFor(PortalPrincipal by, UUID id, String field, String vpcId) {
        RequestDetails request = requests.get(by, id);
        if (!vpcId.equals(request.vpcId())) {
            throw new InvalidInputException(field, "request " + id + " is for VPC " + request.vpcId() + ", not "
                    + vpcId);
        }
        return request;
    }
}
