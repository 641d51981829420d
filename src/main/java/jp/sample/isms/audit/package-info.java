/** The append-only decision record (who, as which role, when, outcome, comment, clause) and what is derived from it. */
package jp.sample.isms.audit;
