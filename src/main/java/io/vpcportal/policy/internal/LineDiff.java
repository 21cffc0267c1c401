package io.vpcportal.policy.internal;

import io.vpcportal.policy.DiffLine;
import io.vpcportal.policy.PolicyDiff;
import java.util.ArrayList;
import java.util.List;

/** A line diff by longest common subsequence: policies are short, so the quadratic table is cheap. */
public final class LineDiff {

    private static final long MAX_CELLS = 4_000_000L;

    private LineDiff() {
    }

    public static PolicyDiff between(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        List<DiffLine> out = new ArrayList<>();
        if ((long) a.length * b.length > MAX_CELLS) {
            for (String line : a) {
                out.add(new DiffLine(DiffLine.Change.REMOVED, line));
            }
            for (String line : b) {
                out.add(new DiffLine(DiffLine.Change.ADDED, line));
            }
            return new PolicyDiff(out);
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new DiffLine(DiffLine.Change.SAME, a[i]));
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                out.add(new DiffLine(DiffLine.Change.REMOVED, a[i++]));
            } else {
                out.add(new DiffLine(DiffLine.Change.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new DiffLine(DiffLine.Change.REMOVED, a[i++]));
        }
        while (j < b.length) {
            out.add(new DiffLine(DiffLine.Change.ADDED, b[j++]));
        }
        return new PolicyDiff(out);
    }

    private static String[] lines(String text) {
        return text == null || text.isEmpty() ? new String[0] : text.split("\n", -1);
    }
}
