/**
 * The append-only decision record (who, as which role, when, outcome, comment, clause) with its hash chain: writing
 * it ({@link jp.sample.isms.audit.AuditRecorder}, {@link jp.sample.isms.audit.AuditChain}), keeping the engine's
 * history of it ({@link jp.sample.isms.audit.HistoryProtection}, {@link jp.sample.isms.audit.EngineHistory}) and the
 * labels of its codes. What is read of it, and by whom, is in {@code jp.sample.isms.auditor}.
 */
package jp.sample.isms.audit;
