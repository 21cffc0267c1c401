package io.vpcportal.policy;

import java.util.List;

/**
 * Line diff between the policy in force and the proposed one, both in canonical form so that only real changes
 * show.
 */
public record PolicyDiff(List<DiffLine> lines) {

    public PolicyDiff {
        lines = List.copyOf(lines);
    }

    public boolean changed() {
        return lines.stream().anyMatch(l -> l.change() != DiffLine.Change.SAME);
    }

    public long added() {
        return lines.stream().filter(l -> l.change() == DiffLine.Change.ADDED).count();
    }

    public long removed() {
        return lines.stream().filter(l -> l.change() == DiffLine.Change.REMOVED).count();
    }
}
