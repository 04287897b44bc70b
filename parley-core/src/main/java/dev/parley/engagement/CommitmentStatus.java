package dev.parley.engagement;

import java.time.LocalDate;

/**
 * The one rule for a commitment's status on a day, used by the engagement stage (on the newest paper's day) and by
 * the views (on the day a state is asked as of). HELD once the meeting that fulfils it ({@link HeldMeetings#heldAt})
 * is dated by that day; otherwise OVERDUE once its due period ended before that day; otherwise SCHEDULED.
 */
public final class CommitmentStatus {

    private CommitmentStatus() {
    }

    /**
     * @param heldOn the day of the meeting that fulfils it, null if none
     * @param dueEnd the last day of its due period, null without a due date
     */
    public static Commitment.Status on(LocalDate heldOn, LocalDate dueEnd, LocalDate day) {
        if (heldOn != null && !heldOn.isAfter(day)) {
            return Commitment.Status.HELD;
        }
        return dueEnd != null && dueEnd.isBefore(day) ? Commitment.Status.OVERDUE : Commitment.Status.SCHEDULED;
    }

    /**
     * The rule on a day, seen by a reader who knows only what the engagement stage reported on its own (newest) day:
     * never more than the stage knows, so a commitment it reports SCHEDULED does not become OVERDUE on a later day.
     */
    public static Commitment.Status seenOn(Commitment.Status reported, LocalDate heldOn, LocalDate dueEnd,
                                           LocalDate day) {
        Commitment.Status status = on(heldOn, dueEnd, day);
        return status == Commitment.Status.OVERDUE && reported == Commitment.Status.SCHEDULED
                ? Commitment.Status.SCHEDULED : status;
    }
}
