package jp.sample.isms.system;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;

import jp.sample.isms.organisation.AccountStates;

/**
 * The engine's HTTP Basic filter, remembering a user's groups and tenants in the {@link LoginCache} as the webapps
 * remember them for a session. A disabled account is refused at once regardless (its password check fails). With the
 * product's passwords (HTTP Basic), a login verified within the cache's TTL is answered by {@link RememberedBasicLogin}.
 */
class CachingAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private final LoginCache cache;
  private final Supplier<AccountStates> accounts;

  CachingAuthenticationFilter(LoginCache cache, Supplier<AccountStates> accounts) {
    this.cache = cache;
    this.accounts = accounts;
  }

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    super.init(filterConfig);
    if (authenticationProvider != null && authenticationProvider.getClass() == HttpBasicAuthenticationProvider.class) {
      authenticationProvider = new RememberedBasicLogin(cache, accounts);
    }
  }

  @Override
  protected List<String> getGroupsOfUser(ProcessEngine engine, String userId) {
    return cache.groups(userId, () -> super.getGroupsOfUser(engine, userId));
  }

  @Override
  protected List<String> getTenantsOfUser(ProcessEngine engine, String userId) {
    return cache.tenants(userId, () -> super.getTenantsOfUser(engine, userId));
  }
}
