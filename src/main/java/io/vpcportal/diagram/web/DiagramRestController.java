package io.vpcportal.diagram.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.diagram.DiagramFormat;
import io.vpcportal.diagram.DiagramManagement;
import io.vpcportal.diagram.RenderedDiagram;
import io.vpcportal.identity.PortalPrincipal;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Diagrams", description = "VPC architecture diagrams from the inventory, before and after a request")
class DiagramRestController {

    private final DiagramManagement diagrams;

    DiagramRestController(DiagramManagement diagrams) {
        this.diagrams = diagrams;
    }

    @GetMapping("/vpcs/{vpcId}/diagram")
    @Operation(summary = "A VPC you may see drawn with its subnets, route tables, gateways, endpoints and traffic "
            + "paths; format svg (default), png, drawio or mermaid; after={requestId} (or before=) overlays a request")
    ResponseEntity<byte[]> diagram(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String vpcId,
            @RequestParam(required = false) String format, @RequestParam(required = false) UUID after,
            @RequestParam(required = false) UUID before,
            @RequestParam(defaultValue = "false") boolean download) {
        return response(diagrams.render(me, vpcId, DiagramFormat.parse(format), before, after), download);
    }

    /** SVG and PNG show in the browser unless a download is asked for; the documentation formats are files. */
    static ResponseEntity<byte[]> response(RenderedDiagram diagram, boolean download) {
        boolean attachment = download || diagram.format() == DiagramFormat.DRAWIO
                || diagram.format() == DiagramFormat.MERMAID;
        ContentDisposition disposition = (attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(diagram.filename()).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(diagram.format().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .body(diagram.body());
    }
}
