package jp.sample.isms.periodicduty;

import java.time.LocalDate;
import java.time.Period;

/** How often a duty of table {@code periodicDuties} recurs ({@code dutyCycle}). */
public enum DutyCycle {
  WEEKLY(Period.ofWeeks(1), "毎週"),
  MONTHLY(Period.ofMonths(1), "毎月"),
  QUARTERLY(Period.ofMonths(3), "四半期ごと"),
  HALF_YEARLY(Period.ofMonths(6), "半年ごと"),
  YEARLY(Period.ofYears(1), "毎年");

  private final Period period;
  private final String label;

  DutyCycle(Period period, String label) {
    this.period = period;
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The n-th due date (0 = the first). A first due date at a month's end keeps the due dates at months' ends. */
  public LocalDate due(LocalDate firstDue, int n) {
    if (this == WEEKLY) {
      return firstDue.plusWeeks(n);
    }
    LocalDate due = firstDue.plusMonths(period.toTotalMonths() * n);
    return firstDue.getDayOfMonth() == firstDue.lengthOfMonth() ? due.withDayOfMonth(due.lengthOfMonth()) : due;
  }

  /** The first due date on or after {@code day} (the first due date itself when {@code day} is before it). */
  public LocalDate nextDue(LocalDate firstDue, LocalDate day) {
    int n = 0;
    LocalDate due = firstDue;
    while (due.isBefore(day)) {
      due = due(firstDue, ++n);
    }
    return due;
  }

  /** The day an occurrence due on {@code due} comes up: one cycle before it (the day after the previous due date). */
  public LocalDate opens(LocalDate due) {
    return due.minus(period).plusDays(1);
  }
}
