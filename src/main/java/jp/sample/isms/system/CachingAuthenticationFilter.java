package jp.sample.isms.system;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * The engine's HTTP Basic filter, remembering a user's groups and tenants in the {@link LoginCache} as the webapps
 * remember them for a session. A disabled account is refused at once regardless (its password check fails).
 */
class CachingAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private final LoginCache cache;

  CachingAuthenticationFilter(LoginCache cache) {
    this.cache = cache;
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
