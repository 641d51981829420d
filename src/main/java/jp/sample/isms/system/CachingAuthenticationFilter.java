package jp.sample.isms.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * The engine's HTTP Basic filter, remembering a user's groups and tenants for {@code isms.login.cache-ttl} (60 s) as
 * the webapps remember them for a session: without it every REST call queries both again (two statements per call).
 * A membership written through the engine on this node takes effect at once (the provider forgets the user); on
 * another node within the TTL. A disabled account is refused at once regardless (its password check fails).
 */
class CachingAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private record Memberships(List<String> ids, long expiresAt) {
  }

  private static final Map<String, Memberships> GROUPS = new ConcurrentHashMap<>();
  private static final Map<String, Memberships> TENANTS = new ConcurrentHashMap<>();

  /** Forgets what is remembered of a user (null: of everyone). */
  static void forget(String userId) {
    if (userId == null) {
      GROUPS.clear();
      TENANTS.clear();
    } else {
      GROUPS.remove(userId);
      TENANTS.remove(userId);
    }
  }

  @Override
  protected List<String> getGroupsOfUser(ProcessEngine engine, String userId) {
    return remembered(GROUPS, userId, () -> super.getGroupsOfUser(engine, userId));
  }

  @Override
  protected List<String> getTenantsOfUser(ProcessEngine engine, String userId) {
    return remembered(TENANTS, userId, () -> super.getTenantsOfUser(engine, userId));
  }

  private static List<String> remembered(Map<String, Memberships> cache, String userId,
      java.util.function.Supplier<List<String>> query) {
    long ttl = IsmsIdentityProvider.verifiedTtlMillis;
    long now = System.currentTimeMillis();
    Memberships known = cache.get(userId);
    if (ttl > 0 && known != null && known.expiresAt() > now) {
      return known.ids();
    }
    List<String> ids = List.copyOf(query.get());
    if (ttl > 0) {
      cache.put(userId, new Memberships(ids, now + ttl));
    }
    return ids;
  }
}
