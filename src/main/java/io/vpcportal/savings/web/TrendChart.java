package io.vpcportal.savings.web;

import io.vpcportal.savings.Estimate;
import io.vpcportal.savings.SavingsGroup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly trend as an SVG bar chart drawn on the server: no script, so the page's strict Content-Security-Policy
 * holds and the chart is in the HTML itself. Bars above the zero line are savings, below it losses.
 */
record TrendChart(int width, int height, double zeroY, List<Bar> bars) {

    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    static final int TOP = 10;
    static final int BOTTOM = 30;

    /** One month's bar, in SVG user units. */
    record Bar(String month, String label, double x, double y, double width, double height, boolean negative) {
    }

    static TrendChart of(List<SavingsGroup> months) {
        double max = 0;
        double min = 0;
        for (SavingsGroup m : months) {
            max = Math.max(max, m.netSaving().doubleValue());
            min = Math.min(min, m.netSaving().doubleValue());
        }
        double span = max - min == 0 ? 1 : max - min;
        double plot = HEIGHT - TOP - BOTTOM;
        double zero = TOP + plot * max / span;
        double slot = months.isEmpty() ? WIDTH : (double) WIDTH / months.size();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            BigDecimal net = months.get(i).netSaving();
            double h = plot * Math.abs(net.doubleValue()) / span;
            boolean negative = net.signum() < 0;
            bars.add(new Bar(months.get(i).key(), Estimate.usd(net), i * slot + slot * 0.15, negative ? zero : zero - h,
                    slot * 0.7, h, negative));
        }
        return new TrendChart(WIDTH, HEIGHT, zero, bars);
    }
}
