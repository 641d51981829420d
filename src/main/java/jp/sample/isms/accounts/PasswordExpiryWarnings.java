package jp.sample.isms.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditStepKind;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.notification.MailLinks;
import jp.sample.isms.notification.MailOutbox;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.PasswordExpiry;

/**
 * 5.1.8: 「パスワードは、一定期間更新がなければ警告を行い、警告に従わない場合はパスワードは失効するものとする」. The nightly
 * flow passwordExpiryReview mails every enabled user whose password expires within {@code isms.password
 * .expiry-warning} (or has expired without a warning) once per password — the mail outbox's key
 * {@code password-expiry:<user>:<epoch second the password was set>} and {@code account_state
 * .password_expiry_warned_at} both make a second run send nothing — and records each warning. The lapse itself is
 * enforced on every request ({@code PasswordChangeRequired}).
 */
@Service
public class PasswordExpiryWarnings {

  static final String TEMPLATE = "password-expiry";

  private final AccountStates accounts;
  private final PasswordExpiry expiry;
  private final MailOutbox outbox;
  private final OrganisationService organisation;
  private final AuditRecorder audit;
  private final MailLinks links;

  PasswordExpiryWarnings(AccountStates accounts, PasswordExpiry expiry, MailOutbox outbox,
      OrganisationService organisation, AuditRecorder audit, MailLinks links) {
    this.accounts = accounts;
    this.expiry = expiry;
    this.outbox = outbox;
    this.organisation = organisation;
    this.audit = audit;
    this.links = links;
  }

  /**
   * Warns every user due for a warning at {@code now}.
   *
   * @return the users warned now
   */
  @Transactional
  public List<String> warnExpiring(Instant now) {
    List<String> warned = new ArrayList<>();
    if (!expiry.enabled()) {
      return warned;
    }
    for (AccountStates.PasswordAge password : accounts.unwarnedPasswordsSetBefore(expiry.warnIfSetBefore(now))) {
      Instant warnAt = expiry.warnAt(password.changedAt());
      if (warnAt.isAfter(now)) {
        continue; // months are not all alike: the query is a superset
      }
      String user = password.userId();
      Instant expiresAt = expiry.expiresAt(password.changedAt());
      boolean queued = outbox.enqueue(
          "password-expiry:" + user + ":" + password.changedAt().getEpochSecond(), user, TEMPLATE,
          Map.of("userId", user, "expiryDate", expiry.format(expiresAt),
              "changedDate", expiry.format(password.changedAt()), "welcomeLink", links.welcome(),
              "expiredJa", expiresAt.isAfter(now) ? "" : "有効期限はすでに過ぎており、パスワードは失効しています。\n",
              "expiredEn", expiresAt.isAfter(now) ? "" : "It has already expired: your password has lapsed.\n"));
      // a user without a mail address is tried again the next night (the outbox logs it)
      if (queued && accounts.passwordExpiryWarned(user, password.changedAt(), now)) {
        audit.record(AuditEntry.event("account", "PasswordExpiryWarnings", "パスワード有効期限の警告",
                AuditStepKind.ACCOUNT)
            .by(AuditEntry.SYSTEM_ACTOR, organisation.displayName(AuditEntry.SYSTEM_ACTOR)).requester(user)
            .outcome(Outcome.PASSWORD_EXPIRY_WARNED)
            .comment(organisation.displayName(user) + " (" + user + "): 有効期限 " + expiry.format(expiresAt)
                + " (最終変更 " + expiry.format(password.changedAt()) + ") を警告メールで通知")
            .clauses("5.1.8").build());
        warned.add(user);
      }
    }
    return warned;
  }
}
