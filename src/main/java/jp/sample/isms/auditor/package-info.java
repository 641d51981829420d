/**
 * What the auditor (監査・点検責任者, 1.2) and the requesters read of the decision record: the request search and
 * timeline, the registers (台帳) with their CSV export, the pages under {@code /audit/} and 自分の申請. Read-only for
 * everyone; every auditor query is itself a record. The registers are declared by the flows that own them
 * ({@link jp.sample.isms.auditor.AuditRegister} beans) and found here as beans: nothing in this package names a flow,
 * its tables or its columns.
 */
package jp.sample.isms.auditor;
