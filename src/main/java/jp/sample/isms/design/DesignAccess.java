package jp.sample.isms.design;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import jp.sample.isms.engine.CurrentUser;
import jp.sample.isms.organisation.Role;

/**
 * Who may use the workbench (1.4): the process owners, members of the group of {@link Role#PROCESS_OWNER} (the
 * security officer and the system administrator: docs/workbench.md), as for the engine's deployment API.
 */
@Component
class DesignAccess {

  /** No login reached the controller. */
  static class NotAuthenticated extends RuntimeException {
    NotAuthenticated() {
      super("ログインが必要です");
    }
  }

  /** A user who is not a process owner. */
  static class Denied extends RuntimeException {
    Denied() {
      super("プロセス設計は情報セキュリティ委員会のプロセスオーナー (情報セキュリティ責任者・システム管理者) だけが使えます (1.4)");
    }
  }

  private final IdentityService identityService;

  DesignAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The current process owner's user id; throws when there is none. */
  String processOwner() {
    CurrentUser user = CurrentUser.of(identityService);
    if (user == null || user.getUserId() == null) {
      throw new NotAuthenticated();
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (!groups.contains(Role.PROCESS_OWNER.groupId(null))) {
      throw new Denied();
    }
    return user.getUserId();
  }
}
