package jp.sample.isms.periodicduty;

import java.time.LocalDate;

import jp.sample.isms.organisation.Role;

/** One row of table {@code periodicDuties}: a duty, its clauses, cycle, first due date, roles and evidence. */
public record Duty(String code, String name, String clauses, DutyCycle cycle, LocalDate firstDue,
    Role responsibleRole, Role acceptingRole, String kind, String checklist, boolean evidenceRequired) {
}
