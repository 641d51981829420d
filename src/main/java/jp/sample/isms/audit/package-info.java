/**
 * The append-only decision record (who, as which role, when, outcome, comment, clause) with its hash chain, and what
 * the auditor (監査・点検責任者, 1.2) reads of it: the request search and timeline, the registers (台帳) with their CSV
 * export, the pages under {@code /audit/}. Read-only for everyone; every auditor query is itself a record.
 */
package jp.sample.isms.audit;
