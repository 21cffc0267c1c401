package io.vpcportal.diagram.internal;

import java.util.List;

/**
 * A diagram's geometry: every shape and text line has a fixed cell, so the renderers only draw. Text is already
 * cut to its cell; {@code full} keeps the whole text for tooltips.
 */
public record Layout(int width, int height, String title, String description, List<Shape> shapes,
        List<Connector> connectors) {

    public record Shape(String kind, String id, int x, int y, int w, int h, Style style, boolean planned,
            String tooltip, List<Text> texts) {
    }

    /** One line of text in a cell of {@code w} × {@code h} at its top-left corner. */
    public record Text(int x, int y, int w, int h, String text, String full, boolean bold, boolean small) {
    }

    /** A line through {@code points} (x0, y0, x1, y1, …) from one shape to another. */
    public record Connector(String kind, String id, String fromId, String toId, int[] points, Style style,
            boolean planned, String tooltip, String service, String via) {
    }

    public enum Style {
        HEADER, VPC, ZONE, SUBNET_PUBLIC, SUBNET_PRIVATE, ROUTE_TABLE, INTERNET_GATEWAY, NAT_GATEWAY,
        GATEWAY_ENDPOINT, INTERFACE_ENDPOINT, ENI_LIST, ENI, SERVICE, PARTNER_SERVICE, MORE, REQUEST_TOTAL, LEGEND,
        PATH_ENDPOINT, PATH_NAT, PATH_INTERNET, ASSOCIATION, EGRESS
    }
}
