package jp.sample.isms.administration;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.sample.isms.organisation.OneTimePasswords;

/**
 * {@code POST /api/accounts/{userId}/one-time-password}: the system administrator issues a one-time password (5.1.6);
 * the answer shows it once and is not cached; the record names who issued it for whom, never the password.
 */
@RestController
@RequestMapping("/api/accounts")
class OneTimePasswordController {

  private final SystemAdministrator administrator;
  private final OneTimePasswords passwords;
  private final AdministrationRecords records;
  private final TransactionTemplate transaction;

  OneTimePasswordController(SystemAdministrator administrator, OneTimePasswords passwords,
      AdministrationRecords records, PlatformTransactionManager transactions) {
    this.administrator = administrator;
    this.passwords = passwords;
    this.records = records;
    this.transaction = new TransactionTemplate(transactions);
  }

  @PostMapping("/{userId}/one-time-password")
  public ResponseEntity<Map<String, Object>> issue(@PathVariable String userId) {
    ResponseEntity<Map<String, Object>> refused = administrator.refusal("ワンタイムパスワードの発行");
    if (refused != null) {
      return refused;
    }
    String password;
    try {
      // the password and its record in one transaction
      password = transaction.execute(done -> {
        String issued = passwords.issue(userId);
        records.record(AdministrationRecords.Change.ONE_TIME_PASSWORD_ISSUED, administrator.userId(),
            "対象: " + records.person(userId) + "。初回ログイン時に変更が必要 (5.1.8)");
        return issued;
      });
    } catch (IllegalArgumentException e) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("field", "userId",
          "message", "ユーザーが見つかりません (no such user): " + userId));
    } catch (IllegalStateException e) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("field", "userId",
          "message", "停止中のアカウントです。先に再開してください (5.1.7: the account is disabled)"));
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("userId", userId,
        "oneTimePassword", password, "mustChange", true,
        "message", "このパスワードは一度だけ表示されます。本人に直接伝えてください。初回ログイン時に変更が必要です"
            + " (shown once: hand it to the person; they must change it at the first login)"));
  }
}
