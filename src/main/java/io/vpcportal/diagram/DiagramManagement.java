package io.vpcportal.diagram;

import io.vpcportal.diagram.internal.DrawioExporter;
import io.vpcportal.diagram.internal.GridLayout;
import io.vpcportal.diagram.internal.Layout;
import io.vpcportal.diagram.internal.MermaidExporter;
import io.vpcportal.diagram.internal.NetworkModel;
import io.vpcportal.diagram.internal.NetworkModels;
import io.vpcportal.diagram.internal.NetworkModels.View;
import io.vpcportal.diagram.internal.PngRenderer;
import io.vpcportal.diagram.internal.SvgRenderer;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.inventory.InventoryManagement;
import io.vpcportal.inventory.VpcTopology;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestManagement;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Draws the VPCs the inventory knows, as the caller may see them (the inventory's rule: requesters their teams'
 * accounts, approvers and admins all), alone or with a request overlaid: {@code before} shows the request's
 * services reached as they are today, {@code after} as they will be once its endpoints exist.
 */
@Service
public class DiagramManagement {

    /** What a request's VPC looks like when the inventory has not seen it. */
    public static final String NOT_IN_INVENTORY = "is not in the inventory yet: sync the inventory to see the diagram";

    private final InventoryManagement inventory;
    private final RequestManagement requests;

    DiagramManagement(InventoryManagement inventory, RequestManagement requests) {
        this.inventory = inventory;
        this.requests = requests;
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
        NetworkModel model = NetworkModels.of(vpc, request, view);
        String filename = vpcId + (request == null ? "" : "-" + view.name().toLowerCase(java.util.Locale.ROOT) + "-"
                + request.id().toString().substring(0, 8)) + "." + format.extension();
        return new RenderedDiagram(bytes(model, format), format, filename);
    }

    /** The SVG of a request's VPC before or after it, or empty when the inventory has not seen that VPC. */
    public Optional<String> requestSvg(PortalPrincipal by, UUID requestId, boolean after) {
        RequestDetails request = requests.get(by, requestId);
        return inventory.topology(by, request.vpcId()).map(vpc -> SvgRenderer.render(GridLayout.of(
                NetworkModels.of(vpc, request, after ? View.AFTER : View.BEFORE)), after ? "diagram-after" : "diagram-before"));
    }

    /** The SVG of a VPC as it is, or empty when the inventory has not seen it. */
    public Optional<String> vpcSvg(PortalPrincipal by, String vpcId) {
        return inventory.topology(by, vpcId).map(vpc -> SvgRenderer.render(GridLayout.of(
                NetworkModels.of(vpc, null, View.CURRENT))));
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
