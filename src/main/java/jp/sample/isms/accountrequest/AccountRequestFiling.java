package jp.sample.isms.accountrequest;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.engine.EngineInternals;

/**
 * Files account requests for another flow's step (a joiner's accounts, a leaver's deletions) through the normal start
 * path, as the person named: the request gets its number, the filing is validated and recorded like any other, and
 * its steps are routed for that person. A refusal is thrown to the step that files.
 */
@Component
public class AccountRequestFiling {

  private final FormService forms;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final JdbcTemplate jdbc;

  // lazy: flows are built before the engine whose services these are
  AccountRequestFiling(@Lazy FormService forms, @Lazy RepositoryService repository, @Lazy IdentityService identity,
      JdbcTemplate jdbc) {
    this.forms = forms;
    this.repository = repository;
    this.identity = identity;
    this.jdbc = jdbc;
  }

  /**
   * Whether an account on the system (an {@code AccountSystem} name) gives rights on information assets of the
   * register, so that a CREATE names them (5.1.1).
   */
  public static boolean holdsAssets(String system) {
    return AccountSystem.valueOf(system).holdsAssets();
  }

  /** Files a CREATE (5.1.5) of an ordinary account; returns its request number. */
  public String fileCreate(String asUser, String targetUserId, String system, String accountId, String accessRights,
      String assetIds, String reason) {
    Map<String, Object> variables = variables(RequestType.CREATE, targetUserId, system, accountId, reason);
    variables.put(AccountRequestProcess.ACCESS_RIGHTS, accessRights);
    if (assetIds != null && AccountSystem.valueOf(system).holdsAssets()) {
      variables.put(AccountRequestProcess.ASSET_IDS, assetIds);
    }
    variables.put(AccountRequestProcess.SHARED_ACCOUNT, false);
    variables.put(AccountRequestProcess.PRIVILEGED, false);
    return file(asUser, variables);
  }

  /** Files a DELETE (5.1.7) of a registered account unneeded after {@code unneededDate}; returns its number. */
  public String fileDelete(String asUser, AccountRegister.Entry account, LocalDate unneededDate, String reason) {
    Map<String, Object> variables = variables(RequestType.DELETE, account.userId(), account.system(),
        account.accountId(), reason);
    variables.put(AccountRequestProcess.UNNEEDED_DATE, unneededDate.toString());
    return file(asUser, variables);
  }

  private static Map<String, Object> variables(RequestType type, String target, String system, String accountId,
      String reason) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(AccountRequestProcess.REQUEST_TYPE, type.name());
    variables.put(AccountRequestProcess.TARGET_USER_ID, target);
    variables.put(AccountRequestProcess.SYSTEM, system);
    variables.put(AccountRequestProcess.ACCOUNT_ID, accountId);
    variables.put(AccountRequestProcess.REASON, reason);
    return variables;
  }

  private String file(String asUser, Map<String, Object> variables) {
    List<String> groups = jdbc.queryForList("select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?",
        String.class, asUser);
    String definitionId = withoutAuthorization(() -> repository.createProcessDefinitionQuery()
        .processDefinitionKey(AccountRequestProcess.KEY).latestVersion().singleResult().getId());
    return EngineInternals.asUser(identity, asUser, groups,
        () -> forms.submitStartForm(definitionId, variables).getBusinessKey());
  }

  private static <T> T withoutAuthorization(java.util.concurrent.Callable<T> read) {
    return EngineInternals.withoutAuthorization(read);
  }
}
