package jp.sample.isms.engine;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;

/**
 * Who is logged in to the engine: the user id, their groups and tenants, as the engine holds them for this thread
 * ({@link #of}) or for the running engine command ({@link #ofCommand}). Engine-neutral: flows and controllers read the
 * current user through this type instead of the engine's own authentication class.
 */
public final class CurrentUser {

  private final String userId;
  private final List<String> groupIds;
  private final List<String> tenantIds;

  CurrentUser(String userId, List<String> groupIds, List<String> tenantIds) {
    this.userId = userId;
    this.groupIds = groupIds;
    this.tenantIds = tenantIds;
  }

  /** The user the engine holds for this thread; null when nobody is logged in. */
  public static CurrentUser of(IdentityService identity) {
    return EngineInternals.currentUser(identity);
  }

  /** The user the running engine command is authenticated as; null outside a command or when nobody is. */
  public static CurrentUser ofCommand() {
    return EngineInternals.commandAuthentication();
  }

  /** The user id; may be null (an authentication without a user). */
  public String getUserId() {
    return userId;
  }

  /** The user's groups, as the engine holds them. */
  public List<String> getGroupIds() {
    return groupIds;
  }

  /** The user's tenants, as the engine holds them. */
  public List<String> getTenantIds() {
    return tenantIds;
  }

  /** Whether the user is in {@code groupId}. */
  public boolean inGroup(String groupId) {
    return groupIds != null && groupIds.contains(groupId);
  }

  @Override
  public String toString() {
    return "CurrentUser[" + userId + ", groups " + groupIds + "]";
  }
}
