package jp.sample.isms.takeout;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.VariableScope;

import jp.sample.isms.approval.RequestValues;

/** The variables of a take-out request, typed (map in, call a service, map out). */
record TakeOutRequest(String businessKey, String assetIds, String assetDescription, String classification, String medium,
    String destination, LocalDate startDate, LocalDate plannedReturnDate) {

  static TakeOutRequest of(VariableScope scope) {
    return new TakeOutRequest(
        RequestValues.businessKey(scope),
        (String) scope.getVariable(TakeOutProcess.ASSET_IDS),
        (String) scope.getVariable(TakeOutProcess.ASSET_DESCRIPTION),
        (String) scope.getVariable(TakeOutProcess.CLASSIFICATION),
        (String) scope.getVariable(TakeOutProcess.MEDIUM),
        (String) scope.getVariable(TakeOutProcess.DESTINATION),
        date(scope.getVariable(TakeOutProcess.START_DATE)),
        date(scope.getVariable(TakeOutProcess.PLANNED_RETURN_DATE)));
  }

  static LocalDate date(Object value) {
    return jp.sample.isms.approval.RequestValues.date(value);
  }
}
