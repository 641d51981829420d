package jp.sample.isms.outsourcing;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;

/** The variables of an outsourcing request, typed (map in, call a service, map out). */
record OutsourcingRequest(String businessKey, String requester, String departmentCode, String contractor,
    String scopeOfWork, String assetClassification, String assetDescription, LocalDate contractStart,
    LocalDate contractEnd) {

  /** The request of {@code scope}: requester and department from the kernel's filing, the rest from the variables. */
  static OutsourcingRequest of(org.camunda.bpm.engine.delegate.DelegateExecution scope, RequestRecords records) {
    return new OutsourcingRequest(
        RequestValues.businessKey(scope),
        records.requester(scope),
        records.department(scope),
        string(scope, OutsourcingProcess.CONTRACTOR),
        string(scope, OutsourcingProcess.SCOPE_OF_WORK),
        string(scope, OutsourcingProcess.ASSET_CLASSIFICATION),
        string(scope, OutsourcingProcess.ASSET_DESCRIPTION),
        date(scope.getVariable(OutsourcingProcess.CONTRACT_START)),
        date(scope.getVariable(OutsourcingProcess.CONTRACT_END)));
  }

  /** The criteria of 8.1.1 the evaluation found not met. */
  static List<SelectionCriterion> unmetCriteria(VariableScope scope) {
    return SelectionCriterion.all().stream()
        .filter(c -> SelectionCriterion.NOT_MET.equals(string(scope, c.variable()))).toList();
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
