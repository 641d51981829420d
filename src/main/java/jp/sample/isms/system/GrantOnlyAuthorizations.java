package jp.sample.isms.system;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.sample.isms.engine.EngineInternals;

/**
 * The product grants, it never revokes: every permission comes from a GRANT (or the engine's default grants to
 * requesters and approvers), and nothing the regulation asks for needs a REVOKE. So the engine is told not to look
 * for revocations ({@code authorizationCheckRevokes = never}): without it every command that checks a permission
 * first asks the database whether the user or one of their groups holds any REVOKE (two or more statements per
 * request, one per command). For that to stay correct, saving a REVOKE is refused with 400 (Admin, REST, Java API)
 * instead of being silently ignored, and a database that already holds REVOKE rows (made by an earlier version or by
 * SQL) keeps the engine's default check ({@code auto}) with a warning at start-up.
 */
final class GrantOnlyAuthorizations extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(GrantOnlyAuthorizations.class);

  static final String REFUSED = "拒否 (REVOKE) の権限設定は使えません。許可 (GRANT) だけで設定してください "
      + "(REVOKE authorizations are not supported: grant permissions instead)";

  /** Before the engine is built: no look-up of revocations. */
  static void configure(ProcessEngineConfigurationImpl configuration) {
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
  }

  /** After the engine is built: REVOKE rows already in the database are honoured, as the engine would by default. */
  static void checkExisting(ProcessEngine engine) {
    long revokes = engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
    if (revokes > 0) {
      LOG.warn("{} REVOKE authorizations found: the engine checks revocations before every permission check "
          + "(slower); replace them by narrower grants and restart", revokes);
      ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
          .setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
    }
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof SaveAuthorizationCmd save && isRevoke(save)) {
      throw new BadUserRequestException(REFUSED);
    }
    return next.execute(command);
  }

  private static boolean isRevoke(SaveAuthorizationCmd command) {
    // the authorization a save command carries (the engine offers no getter)
    Authorization authorization = (Authorization) EngineInternals.SAVE_AUTHORIZATION.read(command);
    return authorization != null && authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE;
  }
}
