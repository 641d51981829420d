/**
 * 再委託承認 (8.1.5): process {@code resubcontracting}. A re-subcontracting refers to a running outsourcing contract,
 * found through {@link jp.sample.isms.outsourcing.RunningOutsourcings}, the outsourcing package's published question
 * (its process key, element ids and variable names stay there); its documents are attachments of the
 * request; the department that owns the outsourcing confirms equivalence with 8.1.1, 8.1.3 and 8.1.4 and the security
 * officer approves; the register links the re-subcontractor to the contract.
 */
package jp.sample.isms.resubcontracting;
