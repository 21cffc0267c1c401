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
}
