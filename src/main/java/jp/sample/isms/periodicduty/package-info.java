/**
 * 定期業務: the regulation's recurring duties (1.2, 1.3, 2.4, 2.5, 4.1.1, 4.1.4, 5.1.5, 5.1.7, 7.2, 7.5, 7.7, 7.11, 7.24,
 * 9.4.4, 9.5.2) from one table the process owner edits (decision {@code periodicDuties}), created when due by process
 * {@code periodicDutySchedule}, done and accepted as process {@code periodicDuty}; the account review, the education
 * register and the 年間計画 (annual plan).
 */
package jp.sample.isms.periodicduty;
