/**
 * 情報セキュリティインシデントの報告と対応 (9.1–9.5, 2.5): process {@code incident}, its tables of levels, responders and
 * procedures ({@code incidentLevel}, {@code incidentResponder}, {@code incidentProcedure}), the recovery table of 9.5.1
 * (configuration {@code isms.incident.recovery-targets}) and the インシデント管理台帳.
 */
package jp.sample.isms.incident;
