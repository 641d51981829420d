package jp.sample.isms.approval;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What the kernel needs to know of one flow: its key, request number prefix, names, clauses and the rules of its
 * request data beyond what its forms declare. The Japanese name and the clauses are the model's ({@link FlowModel}). One Spring bean per flow, in the flow's package.
 */
public interface RequestFlow {

  /** The process definition key, e.g. {@code takeOut}. */
  String processKey();

  /** Prefix of the request number, e.g. {@code TO} for {@code TO-2026-0001}. */
  String businessKeyPrefix();

  /** The flow's name, as its model names the process. */
  default String nameJa() {
    return FlowModel.of(processKey()).name();
  }

  /** The English name (the models carry only the Japanese one). */
  String nameEn();

  /** The clauses of the regulation this flow enforces, e.g. {@code 3.2}, as its model lists them. */
  default List<String> clauses() {
    return FlowModel.of(processKey()).clauses();
  }

  /**
   * Cross-field rules and regulation refusals on the request data, run at filing and at every resubmission. Required
   * fields, lengths and choices declared in the form are checked before, by the kernel.
   */
  void validateRequest(RequestInput input, ValidationErrors errors);

  /**
   * Whether the product itself files this flow's requests when they come due (a periodic duty), in an engine job
   * with no user logged in: the requester is then {@link RequestLifecycle#SYSTEM}, whom no step is ever given to. A
   * user's filing of such a flow is the flow's to refuse in {@link #validateRequest}.
   */
  default boolean filedBySystem() {
    return false;
  }

  /** Rules of a step's own fields (beyond its form), run when the step is completed. */
  default void validateStep(String taskDefinitionKey, RequestInput input, ValidationErrors errors) {
  }

  /**
   * The department whose head takes this request's steps routed by {@link OwnerDepartmentRouting}: the department that
   * owns what the request is about (3.1.3, 8.1.5); null sends such a step above the department heads.
   */
  default String ownerDepartment(VariableScope execution) {
    return null;
  }

  /**
   * The role a table names for a step routed by {@link OwnerDepartmentRouting} when it is not the owner department's
   * head (e.g. the section chief); null: the owner department's head, or above the department heads.
   */
  default jp.sample.isms.organisation.Role ownerStepRole(VariableScope execution) {
    return null;
  }

  /**
   * The persons the request is about besides its requester (the person whose identity is checked for a password
   * reissue, 5.1.6): like the requester, they take no approval or work step of it (5.1.1 分散).
   */
  default java.util.Set<String> subjects(VariableScope execution) {
    return java.util.Set.of();
  }

  /**
   * The request ended without a decision of its flow: {@code CANCELLED} by an administrator, or {@code TERMINATED}
   * in another way (see {@link RequestLifecycle#onEnded}). A flow whose register has a row for open requests marks it.
   */
  default void ended(String businessKey, String outcome) {
  }
}
