package jp.sample.isms.accountrequest;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.VariableScope;

import jp.sample.isms.approval.ApprovalVariables;

/** The variables of an account request, typed (map in, call a service, map out). */
record AccountRequest(String businessKey, RequestType requestType, String targetUserId, String system,
    String accountId, String accessRights, boolean sharedAccount, boolean privileged, String reason,
    LocalDate unneededDate) {

  static AccountRequest of(VariableScope scope) {
    return new AccountRequest(
        (String) scope.getVariable(ApprovalVariables.BUSINESS_KEY),
        RequestType.of(string(scope, AccountRequestProcess.REQUEST_TYPE)),
        string(scope, AccountRequestProcess.TARGET_USER_ID),
        string(scope, AccountRequestProcess.SYSTEM),
        string(scope, AccountRequestProcess.ACCOUNT_ID),
        string(scope, AccountRequestProcess.ACCESS_RIGHTS),
        isTrue(scope.getVariable(AccountRequestProcess.SHARED_ACCOUNT)),
        isTrue(scope.getVariable(AccountRequestProcess.PRIVILEGED)),
        string(scope, AccountRequestProcess.REASON),
        date(scope.getVariable(AccountRequestProcess.UNNEEDED_DATE)));
  }

  String systemLabel() {
    return AccountSystem.labelOf(system);
  }

  static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
  }

  static LocalDate date(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString();
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}
