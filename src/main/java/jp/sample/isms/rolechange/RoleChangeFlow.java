package jp.sample.isms.rolechange;

import java.util.List;

import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestFlow;
import jp.sample.isms.approval.RequestInput;
import jp.sample.isms.approval.ValidationErrors;

/** The rules of a role change beyond its forms; they live in {@link RoleChanges}. */
@Component
class RoleChangeFlow implements RequestFlow {

  private final RoleChanges changes;

  RoleChangeFlow(RoleChanges changes) {
    this.changes = changes;
  }

  @Override
  public String processKey() {
    return RoleChangeProcess.KEY;
  }

  @Override
  public String businessKeyPrefix() {
    return "RC";
  }

  @Override
  public String nameEn() {
    return "Changing a role holder";
  }

  @Override
  public void validateRequest(RequestInput input, ValidationErrors errors) {
    changes.check(input.variables(), input.requester(), input.today(), errors);
  }
}
