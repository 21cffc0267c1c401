package io.vpcportal.policy.internal;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.vpcportal.policy.DiffLine;
import io.vpcportal.policy.PolicyDiff;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line diff (Myers' algorithm from java-diff-utils): its cost grows with the size of the difference, not with the
 * product of the two lengths, so a large policy with a few changed lines still gets a precise diff. Removed lines of
 * a changed block come before the added ones.
 */
public final class LineDiff {

    private LineDiff() {
    }

    public static PolicyDiff between(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<DiffLine> out = new ArrayList<>(Math.max(a.size(), b.size()));
        int next = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int at = delta.getSource().getPosition();
            for (; next < at; next++) {
                out.add(new DiffLine(DiffLine.Change.SAME, a.get(next)));
            }
            delta.getSource().getLines().forEach(l -> out.add(new DiffLine(DiffLine.Change.REMOVED, l)));
            delta.getTarget().getLines().forEach(l -> out.add(new DiffLine(DiffLine.Change.ADDED, l)));
            next = at + delta.getSource().size();
        }
        for (; next < a.size(); next++) {
            out.add(new DiffLine(DiffLine.Change.SAME, a.get(next)));
        }
        return new PolicyDiff(out);
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
    }
}
