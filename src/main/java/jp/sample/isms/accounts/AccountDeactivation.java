package jp.sample.isms.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.sample.isms.approval.StepHandOver;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditStepKind;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.OrganisationService;

/**
 * 5.1.7: an account is disabled (停止・無効化) by the system administrator or, unused for
 * {@code isms.accounts.inactivity-period}, by the nightly review flow. A disabled user cannot log in; every open step
 * they hold is handed over by {@link StepHandOver}.
 */
@Service
public class AccountDeactivation {

  private final AccountStates accounts;
  private final IdentityService identityService;
  private final OrganisationService organisation;
  private final AuditRecorder audit;
  private final Duration inactivityPeriod;
  private final StepHandOver handOvers;

  AccountDeactivation(AccountStates accounts, IdentityService identityService,
      OrganisationService organisation, AuditRecorder audit,
      @Value("${isms.accounts.inactivity-period:P90D}") Duration inactivityPeriod, StepHandOver handOvers) {
    this.handOvers = handOvers;
    this.accounts = accounts;
    this.identityService = identityService;
    this.organisation = organisation;
    this.audit = audit;
    this.inactivityPeriod = inactivityPeriod;
  }

  @Transactional
  public List<String> disable(String userId, String by, String reason) {
    return EngineInternals.asSystem(identityService, () -> {
      accounts.disable(userId, by, reason);
      // nothing stranded: role steps go back to the role (or up), the person's own steps to their department head
      List<String> moved = handOvers.handOver(userId, by, reason);
      audit.record(AuditEntry.event("account", "AccountDeactivation", "アカウントの停止", AuditStepKind.ACCOUNT)
          .by(by, organisation.displayName(by)).requester(userId).outcome(Outcome.ACCOUNT_DISABLED)
          .comment(organisation.displayName(userId) + " (" + userId + "): " + reason + "; 引き継いだステップ " + moved)
          .clauses("5.1.7").build());
      return moved;
    });
  }

  @Transactional
  public void enable(String userId, String by) {
    accounts.enable(userId);
    audit.record(AuditEntry.event("account", "AccountDeactivation", "アカウントの再開", AuditStepKind.ACCOUNT)
        .by(by, organisation.displayName(by)).requester(userId).outcome(Outcome.ACCOUNT_ENABLED)
        .comment(organisation.displayName(userId) + " (" + userId + ")").clauses("5.1.7").build());
  }

  /** The nightly review: accounts with no login for the inactivity period are disabled. */
  @Transactional
  public List<String> disableInactive() {
    List<String> inactive = accounts.inactiveSince(Instant.now().minus(inactivityPeriod));
    for (String user : inactive) {
      disable(user, "system", "一定期間 (" + inactivityPeriod.toDays() + "日) ログインがないため");
    }
    return inactive;
  }

}
