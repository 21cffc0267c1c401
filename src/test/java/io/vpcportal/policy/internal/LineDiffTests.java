package io.vpcportal.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.policy.DiffLine;
import io.vpcportal.policy.PolicyDiff;
import org.junit.jupiter.api.Test;

class LineDiffTests {

    @Test
    void marksAddedAndRemovedLinesAroundCommonOnes() {
        PolicyDiff diff = LineDiff.between("a\nb\nc\nd", "a\nc\nd\ne");
        assertThat(diff.lines()).extracting(l -> l.marker() + l.text())
                .containsExactly(" a", "-b", " c", " d", "+e");
        assertThat(diff.changed()).isTrue();
        assertThat(diff.added()).isEqualTo(1);
        assertThat(diff.removed()).isEqualTo(1);
    }

    @Test
    void equalTextsHaveNoChange() {
        PolicyDiff diff = LineDiff.between("x\ny", "x\ny");
        assertThat(diff.changed()).isFalse();
        assertThat(diff.lines()).allMatch(l -> l.change() == DiffLine.Change.SAME);
    }

    @Test
    void emptyBeforeMeansEverythingAdded() {
        assertThat(LineDiff.between("", "p\nq").lines()).extracting(DiffLine::change)
                .containsExactly(DiffLine.Change.ADDED, DiffLine.Change.ADDED);
    }

    @Test
    void aLargePolicyWithOneChangedLineGetsAPreciseDiff() {
        // 5,000 lines on each side: a quadratic table would need 25 million cells; the diff still names one line
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            before.append("line ").append(i).append('\n');
        }
        String after = before.toString().replace("line 2500\n", "line 2500 changed\n");
        PolicyDiff diff = LineDiff.between(before.toString(), after);
        assertThat(diff.removed()).isEqualTo(1);
        assertThat(diff.added()).isEqualTo(1);
        assertThat(diff.lines()).filteredOn(l -> l.change() != DiffLine.Change.SAME).extracting(l -> l.marker() + l.text())
                .containsExactly("-line 2500", "+line 2500 changed");
    }

    @Test
    void everythingRemovedWhenAfterIsEmpty() {
        assertThat(LineDiff.between("p\nq", "").lines()).extracting(DiffLine::change)
                .containsExactly(DiffLine.Change.REMOVED, DiffLine.Change.REMOVED);
    }
}
