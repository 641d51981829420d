package jp.sample.isms.accountrequest;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.VariableScope;

import jp.sample.isms.approval.RequestValues;

/** The variables of an account request, typed (map in, call a service, map out). */
record AccountRequest(String businessKey, RequestType requestType, String targetUserId, String system,
    String accountId, String accessRights, boolean sharedAccount, boolean privileged, String reason,
    LocalDate unneededDate) {

  static AccountRequest of(VariableScope scope) {
    return new AccountRequest(
        RequestValues.businessKey(scope),
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
    return RequestValues.string(scope, name);
  }

  static boolean isTrue(Object value) {
    return RequestValues.isTrue(value);
  }

  static LocalDate date(Object value) {
    return RequestValues.date(value);
  }
}
