package jp.sample.isms.approval;

import jp.sample.isms.audit.RecordFlag;
import jp.sample.isms.organisation.Role;

/**
 * Where an approval step goes: the role actually asked (after escalation), its candidate group, and the documented
 * exception to four eyes when nobody else is left (null when none).
 */
public record Route(Role requestedRole, Role role, String groupId, RecordFlag fourEyesException) {

  public boolean escalated() {
    return requestedRole != role;
  }

  /** The exception's code as the step's record and its task variable carry it; null when none. */
  String fourEyesExceptionCode() {
    return fourEyesException == null ? null : fourEyesException.code();
  }
}
