package jp.sample.isms.organisation;

import java.util.List;

/** The holders of a role as resolved for one requester: the candidate group to offer a task to, and its members. */
public record RoleHolders(Role role, String scopeCode, String groupId, List<String> userIds) {

  public boolean isEmpty() {
    return userIds.isEmpty();
  }

  public boolean heldOnlyBy(String userId) {
    return userIds.size() == 1 && userIds.get(0).equals(userId);
  }
}
