package io.vpcportal.diagram.internal;

import io.vpcportal.diagram.internal.Layout.Connector;
import io.vpcportal.diagram.internal.Layout.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid a diagram is laid out on: its fixed cell sizes, and the shapes and connectors the bands have placed so
 * far, in drawing order. A band finds the shapes of the bands before it here (paths start at endpoint cells).
 */
final class Grid {

    static final int MARGIN = 24;
    static final int LINE = 16;
    static final int PAD = 16;
    static final int ZONE_W = 248;
    static final int ZONE_GAP = 16;
    static final int SUBNET_W = ZONE_W - 24;
    static final int RT_W = 200;
    static final int EP_W = 232;
    static final int SVC_W = 320;
    static final int MAX_SUBNETS_PER_ZONE = 12;
    static final int MAX_ENI_ROWS = 4;
    static final int MAX_ROUTE_TABLES = 16;
    static final int MAX_ENDPOINT_BOXES = 20;

    private final List<Shape> shapes = new ArrayList<>();
    private final List<Connector> connectors = new ArrayList<>();
    private final Map<String, Shape> byId = new HashMap<>();

    void add(Shape s) {
        shapes.add(s);
        byId.putIfAbsent(s.id(), s);
    }

    void add(Connector c) {
        connectors.add(c);
    }

    /** The first shape placed with this id, or null. */
    Shape at(String id) {
        return byId.get(id);
    }

    List<Shape> shapes() {
        return shapes;
    }

    List<Connector> connectors() {
        return connectors;
    }

    /** Where the parts of the VPC go across: zone columns, then route tables, then endpoints. */
    record Columns(int vpcX, int vpcY, int zonesY, int rtX, int epX, int vpcRight) {

        static Columns of(NetworkModel m) {
            int vpcX = MARGIN;
            int vpcY = MARGIN + 52;
            int zoneCount = Math.max(1, m.zones().size());
            int zonesRight = vpcX + PAD + zoneCount * (ZONE_W + ZONE_GAP) - ZONE_GAP;
            int rtX = zonesRight + 28;
            int epX = rtX + RT_W + 56;
            return new Columns(vpcX, vpcY, vpcY + 80, rtX, epX, epX + EP_W + PAD);
        }

        int zoneX(int zone) {
            return vpcX + PAD + zone * (ZONE_W + ZONE_GAP);
        }

        /** The left gutter of the zone column that holds {@code x}. */
        static int zoneGutterOf(int x) {
            int relative = x - MARGIN - PAD;
            return MARGIN + PAD + (relative / (ZONE_W + ZONE_GAP)) * (ZONE_W + ZONE_GAP) + 6;
        }
    }
}
