package jp.sample.isms.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What this node remembers of a login for {@code isms.login.cache-ttl} (60 s; 0 switches it off).
 *
 * <p>Verified passwords, by user: the SHA-256 of user and password and when the entry expires. bcrypt costs ~100 ms
 * of CPU, and HTTP Basic checks the password on every REST call; a changed password takes effect at once on this node
 * and within the TTL on another; a disabled account at once everywhere, and so does an expired password
 * (PasswordChangeRequired reads its age on every request).
 *
 * <p>Groups and tenants of a user, as the webapps remember them for a session: without them every REST call queries
 * both again (two statements per call). A membership written through the engine on this node takes effect at once
 * (the identity provider forgets the user); on another node within the TTL.
 */
@Component
public class LoginCache {

  private record Verified(String hash, long expiresAt) {
  }

  private record Memberships(List<String> ids, long expiresAt) {
  }

  private final long ttlMillis;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  /** Verifications in progress, by the hash of user and password. */
  private final Map<String, Object> verifying = new ConcurrentHashMap<>();
  private final Map<String, Memberships> groups = new ConcurrentHashMap<>();
  private final Map<String, Memberships> tenants = new ConcurrentHashMap<>();

  @org.springframework.beans.factory.annotation.Autowired
  LoginCache(Environment environment) {
    this(environment.getProperty("isms.login.cache-ttl", Duration.class, Duration.ofSeconds(60)));
  }

  LoginCache(Duration ttl) {
    this.ttlMillis = ttl.toMillis();
  }

  /** The key of a login in this cache: the SHA-256 of user and password (the password itself is never kept). */
  static String hash(String userId, String password) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest((userId + '\u0000' + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code userId} logged in with the password of this hash within the TTL. */
  boolean remembered(String userId, String hash) {
    Verified known = userId == null ? null : verified.get(userId);
    return hash != null && known != null && known.hash().equals(hash) && known.expiresAt() > System.currentTimeMillis();
  }

  /** Remembers a successful login (nothing when the cache is off). */
  void remember(String userId, String hash) {
    if (ttlMillis > 0) {
      verified.put(userId, new Verified(hash, System.currentTimeMillis() + ttlMillis));
    }
  }

  boolean enabled() {
    return ttlMillis > 0;
  }

  /**
   * Runs {@code check} for these credentials once at a time: clients with the same credentials wait for the one that
   * checks instead of paying bcrypt each; other credentials (someone trying passwords) never wait for these.
   */
  boolean checkOnce(String hash, BooleanSupplier check) {
    Object lock = verifying.computeIfAbsent(hash, k -> new Object());
    synchronized (lock) {
      try {
        return check.getAsBoolean();
      } finally {
        verifying.remove(hash, lock);
      }
    }
  }

  /** Forgets the verified login of a user (changed password, disabled or deleted account). */
  public void forgetLogin(String userId) {
    if (userId != null) {
      verified.remove(userId);
    }
  }

  /** Forgets the groups and tenants remembered of a user (null: of everyone). */
  public void forgetMemberships(String userId) {
    if (userId == null) {
      groups.clear();
      tenants.clear();
    } else {
      groups.remove(userId);
      tenants.remove(userId);
    }
  }

  List<String> groups(String userId, Supplier<List<String>> query) {
    return remembered(groups, userId, query);
  }

  List<String> tenants(String userId, Supplier<List<String>> query) {
    return remembered(tenants, userId, query);
  }

  private List<String> remembered(Map<String, Memberships> cache, String userId, Supplier<List<String>> query) {
    long now = System.currentTimeMillis();
    Memberships known = cache.get(userId);
    if (ttlMillis > 0 && known != null && known.expiresAt() > now) {
      return known.ids();
    }
    List<String> ids = List.copyOf(query.get());
    if (ttlMillis > 0) {
      cache.put(userId, new Memberships(ids, now + ttlMillis));
    }
    return ids;
  }
}
