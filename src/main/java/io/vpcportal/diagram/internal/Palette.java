package io.vpcportal.diagram.internal;

import io.vpcportal.diagram.internal.Layout.Style;

/** Fill, stroke and dash of each style, shared by the SVG and PNG renderers so that both look the same. */
record Palette(String fill, String stroke, float width, float[] dash) {

    static final String PLANNED = "#0972d3";
    static final String PLANNED_FILL = "#eaf4fe";
    static final String TEXT = "#16191f";
    static final String MUTED = "#545b64";

    static Palette of(Style style) {
        return switch (style) {
            case HEADER, LEGEND -> new Palette("none", "none", 0, null);
            case VPC -> new Palette("#fbfdf8", "#3f8624", 2, null);
            case ZONE -> new Palette("none", "#879596", 1.2f, new float[] {6, 4});
            case SUBNET_PUBLIC -> new Palette("#eef6e8", "#5a8f1c", 1.2f, null);
            case SUBNET_PRIVATE -> new Palette("#e7f1f9", "#1f6fa8", 1.2f, null);
            case ROUTE_TABLE -> new Palette("#ffffff", "#7d4fcf", 1.2f, null);
            case INTERNET_GATEWAY -> new Palette("#f4effc", "#7d4fcf", 1.5f, null);
            case NAT_GATEWAY -> new Palette("#fdf0e3", "#c75a00", 1.2f, null);
            case GATEWAY_ENDPOINT -> new Palette("#e9f7ec", "#1b873f", 1.5f, null);
            case INTERFACE_ENDPOINT -> new Palette("#f3ecfd", "#7d4fcf", 1.5f, null);
            case ENI_LIST -> new Palette("#ffffff", "#a7b1bc", 1, null);
            case ENI -> new Palette("#f6f2fd", "#9b7bd8", 1, null);
            case SERVICE -> new Palette("#ffffff", "#232f3e", 1.5f, null);
            case PARTNER_SERVICE -> new Palette("#fff7f2", "#c7511f", 1.5f, null);
            case MORE -> new Palette("#f2f3f3", "#879596", 1, new float[] {3, 3});
            case REQUEST_TOTAL -> new Palette(PLANNED_FILL, PLANNED, 1, null);
            case PATH_ENDPOINT -> new Palette("none", "#1b873f", 2.5f, null);
            case PATH_NAT -> new Palette("none", "#d13212", 2.5f, new float[] {9, 5});
            case PATH_INTERNET -> new Palette("none", "#d13212", 2.5f, new float[] {2, 4});
            case ASSOCIATION -> new Palette("none", "#7d4fcf", 1.2f, null);
            case EGRESS -> new Palette("none", "#c75a00", 1.5f, new float[] {9, 5});
        };
    }

    String dashArray() {
        if (dash == null) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (float d : dash) {
            s.append(s.isEmpty() ? "" : " ").append((int) d);
        }
        return s.toString();
    }
}
