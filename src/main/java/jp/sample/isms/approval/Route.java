package jp.sample.isms.approval;

import jp.sample.isms.organisation.Role;

/**
 * Where an approval step goes: the role actually asked (after escalation), its candidate group, and the documented
 * exception to four eyes when nobody else is left (null when none).
 */
public record Route(Role requestedRole, Role role, String groupId, String fourEyesException) {

  public static final String SELF_APPROVAL = "SELF_APPROVAL";
  public static final String REPEATED_APPROVER = "REPEATED_APPROVER";

  public boolean escalated() {
    return requestedRole != role;
  }
}
