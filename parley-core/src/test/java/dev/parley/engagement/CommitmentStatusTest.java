package dev.parley.engagement;

import dev.parley.views.DyadStates;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The engagement stage and the views decide a commitment's status by one rule; on every day they agree. */
class CommitmentStatusTest {

    private static final LocalDate DUE_END = LocalDate.of(2026, 3, 10);

    @Test
    void heldOnceTheMeetingIsDatedByTheDayOverdueOnceTheDuePeriodEndedBeforeIt() {
        LocalDate met = DUE_END.minusDays(2);
        assertThat(CommitmentStatus.on(met, DUE_END, met.minusDays(1))).isEqualTo(Commitment.Status.SCHEDULED);
        assertThat(CommitmentStatus.on(met, DUE_END, met)).isEqualTo(Commitment.Status.HELD);
        assertThat(CommitmentStatus.on(met, DUE_END, DUE_END.plusDays(30))).isEqualTo(Commitment.Status.HELD);
        assertThat(CommitmentStatus.on(null, DUE_END, DUE_END)).isEqualTo(Commitment.Status.SCHEDULED);
        assertThat(CommitmentStatus.on(null, DUE_END, DUE_END.plusDays(1))).isEqualTo(Commitment.Status.OVERDUE);
        assertThat(CommitmentStatus.on(null, null, DUE_END.plusDays(400))).isEqualTo(Commitment.Status.SCHEDULED);
    }

    @Test
    void onEveryDayUpToTheStagesDayTheViewsSayWhatTheStageWouldHaveSaidThatDay() {
        List<LocalDate> heldOns = new ArrayList<>(Arrays.asList(null, DUE_END.minusDays(5), DUE_END, DUE_END.plusDays(1)));
        for (LocalDate heldOn : heldOns) {
            for (LocalDate dueEnd : Arrays.asList(null, DUE_END)) {
                if (heldOn != null && dueEnd == null) {
                    continue; // a meeting fulfils only a commitment with a due period
                }
                for (int s = -10; s <= 10; s++) {
                    LocalDate stageDay = DUE_END.plusDays(s);
                    Commitment.Status reported = CommitmentStatus.on(heldOn, dueEnd, stageDay);
                    for (int d = -12; d <= 12; d++) {
                        LocalDate day = DUE_END.plusDays(d);
                        String seen = DyadStates.statusAsOf(reported.name(), heldOn, dueEnd, day);
                        if (!day.isAfter(stageDay)) {
                            assertThat(seen).as("held %s, due end %s, stage on %s, seen on %s", heldOn, dueEnd,
                                    stageDay, day).isEqualTo(CommitmentStatus.on(heldOn, dueEnd, day).name());
                        } else if (reported == Commitment.Status.SCHEDULED) {
                            assertThat(seen).as("never more than the stage knows").isNotEqualTo("OVERDUE");
                        }
                    }
                }
            }
        }
    }

    @Test
    void aHeldRecordWithoutTheMeetingsDayIsHeldAfterTheDuePeriodAndScheduledBefore() {
        assertThat(DyadStates.statusAsOf("HELD", null, DUE_END, DUE_END)).isEqualTo("SCHEDULED");
        assertThat(DyadStates.statusAsOf("HELD", null, DUE_END, DUE_END.plusDays(1))).isEqualTo("HELD");
        assertThat(DyadStates.statusAsOf("CANCELLED", null, DUE_END, DUE_END.plusDays(1))).isEqualTo("CANCELLED");
    }
}
