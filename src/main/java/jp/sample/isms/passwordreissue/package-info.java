/**
 * パスワードの再発行申請 (5.1.6): process {@code passwordReissue}, the identity check by someone other than the
 * person, the new password issued by the system administrator (for this product a one-time password shown once) and
 * its record.
 */
package jp.sample.isms.passwordreissue;
