package jp.sample.isms.system;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import jp.sample.isms.organisation.AccountStates;

/**
 * HTTP Basic with the passwords of the product, answering a login that this node verified within the TTL of the
 * {@link LoginCache} without an engine command: the same answer {@link IsmsIdentityProvider#checkPassword} gives for
 * it, without the command's transaction (a pooled connection, BEGIN and COMMIT on every REST call).
 *
 * <p>The account is read on every call as before (5.1.7: a disabled account is refused at once): the read is the one
 * {@link AccountStates} keeps for the rest of the request, which the password-change guard uses next. Anything else (a
 * login not remembered, a wrong password, a disabled account, a header that does not decode) goes to the engine's
 * password check unchanged: bcrypt, the remembered-login bookkeeping, the refusal of unknown users at equal cost.
 */
final class RememberedBasicLogin extends HttpBasicAuthenticationProvider {

  private final LoginCache logins;
  private final Supplier<AccountStates> accounts;

  RememberedBasicLogin(LoginCache logins, Supplier<AccountStates> accounts) {
    this.logins = logins;
    this.accounts = accounts;
  }

  @Override
  protected boolean isAuthenticated(ProcessEngine engine, String userName, String password) {
    if (userName != null && password != null && logins.enabled()
        && logins.remembered(userName, LoginCache.hash(userName, password))
        && !accounts.get().isDisabled(userName)) {
      return true;
    }
    return super.isAuthenticated(engine, userName, password);
  }
}
