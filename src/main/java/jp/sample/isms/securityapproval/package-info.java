/**
 * Flow {@code securityApproval}: the security officer's and the system administrator's everyday permissions of
 * chapters 5–7 (5.1.3, 6.1.2, 7.1–7.27) as one flow with request types in decision tables, and the registers they
 * change: the 社内IT機材管理台帳 (7.3), the approved software list (7.4) and the register of security permits.
 */
package jp.sample.isms.securityapproval;
